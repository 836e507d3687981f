// The order jest hands test files to its workers: jest's own (failed last time first, then slowest first), except
// that with two workers one must not read dist/ while the other rewrites it. Files that rebuild dist/ through the
// README's commands (npm start, npm run dev / demo / build) go first, files that run the CLI from dist/ (`npm run
// cli`, spawned) go last, so they run after the rebuilding file has long finished.
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const REBUILDS_DIST = /npm start|npm run (dev|demo|build)\b/;
const RUNS_DIST = /npm run|spawn\('npm'/;

class DistAwareSequencer extends Sequencer {
  sort(tests) {
    const rank = (path) => {
      const text = readFileSync(path, 'utf8');
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

module.exports = DistAwareSequencer;
