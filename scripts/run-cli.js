#!/usr/bin/env node
// `npm run cli`: compiles when the sources are newer than the build (quietly), then runs the CLI.
const { join } = require('node:path');
const { buildIsStale, compile } = require('./build-state');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');

if (buildIsStale(entry) && compile(['ignore', 'ignore', 'inherit']) !== 0) {
  process.stderr.write('No se pudo compilar el proyecto (npm run build muestra los errores).\n');
  process.exit(1);
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
