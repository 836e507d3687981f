#!/usr/bin/env node
// `npm run cli`: compiles when the sources are newer than the build (quietly), then runs the CLI.
const { statSync, readdirSync, existsSync, utimesSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'cli', 'main.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// tsc is incremental (dist/.tsbuildinfo): it rewrites only the outputs whose sources changed, so the entry's own
// time is not when the build was last brought up to date; the build info's is (set again after each compile here).
const buildInfo = join(root, 'dist', '.tsbuildinfo');
const builtAt = () => Math.max(statSync(entry).mtimeMs, existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0);

if (!existsSync(entry) || newest(join(root, 'src')) > builtAt()) {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (tsc.status !== 0) {
    process.stderr.write('No se pudo compilar el proyecto (npm run build muestra los errores).\n');
    process.exit(1);
  }
  // up to date now, also when tsc had nothing to write (a source saved without a change)
  if (existsSync(buildInfo)) {
    const now = new Date();
    utimesSync(buildInfo, now, now);
  }
}
// The CLI module exports main(); requiring it does not run it (its own `require.main === module` guard is false here).
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`Error: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    },
  );
