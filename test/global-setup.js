// Compiles the project once into .test-build/ for the tests that run the real bot as a child process
// (graceful shutdown, crash). The build sits inside the project, so data/ and cards/ are found from it.
// Then starts the run's own PostgreSQL (test/pg-server.js) for the PostgreSQL suites: its address reaches the test
// files as PEI_TEST_DATABASE_URL; without a server they are skipped (a failure under CI=true).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { startTestPostgres } = require('./pg-server');

module.exports = async () => {
  const root = join(__dirname, '..');
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--outDir', join(root, '.test-build')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('tsc failed: the project does not compile');

  const pg = await startTestPostgres();
  if (pg.skipped) {
    const line = `\nPostgreSQL: se OMITEN las pruebas contra PostgreSQL: ${pg.skipped}\n`;
    if (process.env.CI === 'true') throw new Error(`CI=true y no hay PostgreSQL para las pruebas.${line}`);
    process.stderr.write(line);
    delete process.env.PEI_TEST_DATABASE_URL;
    return;
  }
  process.env.PEI_TEST_DATABASE_URL = pg.url;
  globalThis.__PEI_PG_STOP__ = pg.stop;
};
