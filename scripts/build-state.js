// Whether dist/ holds the build of the current sources, and compiling when it does not: `npm run cli` and
// `npm run dev` / `npm run demo` start from dist/ without paying tsc (several seconds of CPU even with nothing to
// do) when no source changed since the last build. `npm run build` and `npm start` always run tsc.
'use strict';

const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * tsc is incremental (dist/.tsbuildinfo): it rewrites only the outputs whose sources changed, so an entry's own time
 * is not when the build was last brought up to date; the build info's is (set again after each compile here).
 */
function builtAt(entry) {
  const buildInfo = join(root, 'dist', '.tsbuildinfo');
  return Math.max(statSync(entry).mtimeMs, existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0);
}

/** Whether `entry` (a file of dist/) is missing or older than a source of src/ or than tsconfig.json. */
function buildIsStale(entry) {
  if (!existsSync(entry)) return true;
  return Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs) > builtAt(entry);
}

/** Runs tsc on tsconfig.json; returns its exit status. `stdio` as spawnSync's. */
function compile(stdio) {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
    cwd: root,
    stdio,
  });
  if (tsc.status === 0) {
    // up to date now, also when tsc had nothing to write (a source saved without a change)
    const buildInfo = join(root, 'dist', '.tsbuildinfo');
    if (existsSync(buildInfo)) {
      const now = new Date();
      utimesSync(buildInfo, now, now);
    }
  }
  return tsc.status;
}

module.exports = { buildIsStale, compile };
