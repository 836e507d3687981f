#!/usr/bin/env node
// Writes test/durations.json (seconds per test file, slowest first) from the JSON report of a full jest run, for
// test/sequencer.js to start the slowest files first on a clean clone (where jest has no durations of its own):
//
//   CI=true npx jest --json --outputFile=/tmp/run.json && node scripts/test-durations.js /tmp/run.json
'use strict';

const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const root = join(__dirname, '..');
const file = process.argv[2];
if (!file) {
  process.stderr.write('Uso: node scripts/test-durations.js <salida de jest --json>\n');
  process.exit(2);
}
const run = JSON.parse(readFileSync(file, 'utf8'));
const rows = run.testResults
  .map((r) => [relative(root, r.name).split(sep).join('/'), Math.round((r.endTime - r.startTime) / 100) / 10])
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(join(root, 'test', 'durations.json'), `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
process.stdout.write(`test/durations.json: ${rows.length} archivos\n`);
