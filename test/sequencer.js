// The order jest hands test files to its two workers. Slowest first, so that no long file starts near the end while
// the other worker has nothing left: jest's own order (failed last time first, then by the durations in its cache),
// except that a clean clone (CI) has no cache, and jest then orders by file size, which put 20-second files last.
// There the durations come from test/durations.json (seconds per file of one full run; refresh it after adding a
// slow file: `CI=true npx jest --json --outputFile=/tmp/run.json && node scripts/test-durations.js /tmp/run.json`).
// A file that is in neither goes first (jest's rule for files without a time: they are usually new and small).
//
// And one worker must not read dist/ while the other rewrites it: the file that rebuilds dist/ through the README's
// commands (it spawns `npm start`, `npm run dev` / `demo` / `build`) goes first, files that spawn `npm` to run the
// CLI from dist/ go last, after the rebuilding file has long finished.
const { existsSync, readFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = join(__dirname, '..');
const SPAWNS = /node:child_process/;
const REBUILDS_DIST = /npm start|npm run (dev|demo|build)\b/;
const RUNS_DIST = /npm run|spawn\('npm'/;
const DURATIONS = join(__dirname, 'durations.json');
const recorded = existsSync(DURATIONS) ? JSON.parse(readFileSync(DURATIONS, 'utf8')) : {};

class DurationSequencer extends Sequencer {
  /** The duration jest recorded on this machine, else the committed one. */
  time(test) {
    return super.time(test) ?? recorded[relative(ROOT, test.path).split(sep).join('/')];
  }

  sort(tests) {
    const rank = (path) => {
      const text = readFileSync(path, 'utf8');
      if (!SPAWNS.test(text)) return 1;
      return REBUILDS_DIST.test(text) ? 0 : RUNS_DIST.test(text) ? 2 : 1;
    };
    const sorted = super.sort(tests);
    const ranks = new Map(sorted.map((t) => [t.path, rank(t.path)]));
    return sorted
      .map((t, i) => ({ t, i }))
      .sort((a, b) => ranks.get(a.t.path) - ranks.get(b.t.path) || a.i - b.i)
      .map((x) => x.t);
  }
}

module.exports = DurationSequencer;
