// globalSetup of the integration project (jest.config.js): jest runs it only when an integration test is selected.
// 1. Builds src/ into .test-build/ for the tests that run the real bot as a child process (graceful shutdown, crash,
//    two processes). The build sits inside the project, so data/ and cards/ are found from it. It is a transpile
//    only, with esbuild (tsconfig.json has isolatedModules, so each file compiles alone to what tsc gives it, the
//    same transform as jest's, test/esbuild-transform.js): a fraction of a second instead of tsc's whole-program
//    check; `npm run build` / `npm run typecheck` check the types. The
//    dashboard tab's assets are bundled into dist/tab/ (scripts/build-tab.js, esbuild: a fraction of a second).
// 2. Starts the run's own PostgreSQL (test/pg-server.js) for the PostgreSQL suites: its address reaches the test
//    files as PEI_TEST_DATABASE_URL; without a server they are skipped (a failure under CI=true).
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, sep } = require('node:path');
const ts = require('typescript');
const esbuild = require('esbuild');

/** Each file alone to CommonJS for Node 20 (tsconfig.json's ES2022 target: class fields defined as the language does). */
const ESBUILD = {
  loader: 'ts',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
  logLevel: 'silent',
};
const { startTestPostgres } = require('./pg-server');
const { buildTab } = require('../scripts/build-tab');

/**
 * Transpiles every src/ file of tsconfig.json into outDir (same layout as tsc's, rootDir "."). Incremental: a file
 * whose text and options are those of the last build (outDir/.sources.json) is not transpiled again, and the output
 * of a removed source is removed.
 */
function buildForTests(root, outDir) {
  const configFile = join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const compilerOptions = {
    ...parsed.options,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    noEmit: false,
  };
  const salt = createHash('sha256')
    .update(`${esbuild.version} ${JSON.stringify(compilerOptions)} ${JSON.stringify(ESBUILD)}`)
    .digest('hex');
  const stampFile = join(outDir, '.sources.json');
  let before = {};
  try {
    before = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    /* first build */
  }
  const now = {};
  let failed = '';
  for (const file of parsed.fileNames) {
    const rel = relative(root, file).split(sep).join('/');
    if (!rel.startsWith('src/') || rel.endsWith('.d.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const hash = createHash('sha256').update(salt).update(text).digest('hex');
    const target = join(outDir, rel.replace(/\.ts$/, '.js'));
    now[rel] = hash;
    if (before[rel] === hash && existsSync(target)) continue;
    let code;
    try {
      code = esbuild.transformSync(text, { ...ESBUILD, sourcefile: file }).code;
    } catch (e) {
      failed += `${rel}: ${e.message}\n`;
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  for (const rel of Object.keys(before))
    if (!(rel in now)) rmSync(join(outDir, rel.replace(/\.ts$/, '.js')), { force: true });
  if (failed) {
    rmSync(stampFile, { force: true });
    throw new Error(`the project does not compile:\n${failed}`);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(stampFile, JSON.stringify(now));
}

module.exports = async () => {
  const root = join(__dirname, '..');
  buildForTests(root, join(root, '.test-build'));
  // The dashboard tab's page script and styles (dist/tab/, where the server reads them from src/ and every build).
  await buildTab();

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
module.exports.buildForTests = buildForTests;
