#!/usr/bin/env node
// `npm run cli`: compiles when the sources are newer than the build (quietly), then runs the CLI.
const { statSync, readdirSync, existsSync } = require('node:fs');
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

if (!existsSync(entry) || newest(join(root, 'src')) > statSync(entry).mtimeMs) {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (tsc.status !== 0) {
    process.stderr.write('No se pudo compilar el proyecto (npm run build muestra los errores).\n');
    process.exit(1);
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
