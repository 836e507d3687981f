// Compiles the project once into .test-build/ for the tests that run the real bot as a child process
// (graceful shutdown, crash). The build sits inside the project, so data/ and cards/ are found from it.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async () => {
  const root = join(__dirname, '..');
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--outDir', join(root, '.test-build')], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('tsc failed: the project does not compile');
};
