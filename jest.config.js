/**
 * Jest, two projects (`npm test` runs both; `npm run test:unit` / `npm run test:integration` one):
 *
 *   unit         pure tests: the code in process, the TestAdapter, files in a temporary folder. No build, no
 *                PostgreSQL, no child process, no listening socket.
 *   integration  tests that run the built bot as a child process (.test-build/), spawn other processes, need
 *                PostgreSQL (PEI_TEST_DATABASE_URL), or run real HTTP servers (the bot in process on a port, the
 *                stand-in connector). Their globalSetup builds .test-build/ and starts the run's PostgreSQL; jest runs
 *                it only when at least one integration test is selected.
 *
 * A test file is integration when it or a test/ module it imports shows one of INTEGRATION_SIGNS (a spawn, a server,
 * the build, PostgreSQL); every other test file is unit. `npx jest --selectProjects unit --listTests` prints one side.
 *
 * TypeScript through esbuild (test/esbuild-transform.js), each file alone (tsconfig.json has isolatedModules):
 * `npm run typecheck` checks types. lowdb, steno, pascua (under colombian-holidays), node-pg-migrate and jose are
 * ESM-only, so they are transformed too.
 */
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { dirname, join, relative, resolve } = require('node:path');

// restify's DEP0111 (its spdy dependency's http-deceiver calls process.binding('http_parser')): the product filters it
// in src/http/restify.ts, but in jest that code sees the test sandbox's `process`, not the real one. So, for the test
// run only, exactly that code is silenced: in this process (a run in band) and in the workers (NODE_OPTIONS).
// test/commands/ spawns `npm start` without it and checks that no DeprecationWarning is printed.
if (!/--disable-warning=DEP0111/.test(process.env.NODE_OPTIONS || '')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS || ''} --disable-warning=DEP0111`.trim();
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    const code = typeof rest[0] === 'object' && rest[0] !== null ? rest[0].code : rest[1];
    if (code === 'DEP0111') return;
    return emitWarning.call(this, warning, ...rest);
  };
}

const TEST_DIR = join(__dirname, 'test');

/**
 * What makes a test file an integration test: one of these in its text or in a test/ module it imports (directly or
 * through others: test/helpers/bot.ts starts the stand-in connector, test/helpers/child.ts spawns the built bot).
 */
const INTEGRATION_SIGNS = [
  /node:child_process/, // spawns processes (the built bot, the CLI, npm, the store's crash writer)
  /\.test-build/, // the build of globalSetup
  /PEI_TEST_DATABASE_URL/, // the run's PostgreSQL
  /\bcreateServer\(|\.listen\(/, // a server on a port (the stand-in connector, the bot in process)
  /\bstartBot\(/, // the real server of src/main.ts, listening
];

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Whether `file` or a module of test/ it imports shows an integration sign. */
function needsIntegration(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (INTEGRATION_SIGNS.some((sign) => sign.test(text))) return true;
  for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)'|require\('(\.{1,2}\/[^']+)'\)/g)) {
    if (!spec) continue;
    const base = resolve(dirname(file), spec);
    const found = [`${base}.ts`, `${base}.js`, join(base, 'index.ts'), base].find(
      (f) => existsSync(f) && statSync(f).isFile(),
    );
    if (found && found.startsWith(TEST_DIR) && needsIntegration(found, seen)) return true;
  }
  return false;
}

const integrationFiles = testFiles(TEST_DIR).filter((f) => needsIntegration(f));
/** `<rootDir>/test/x/y.test.ts` as a path pattern: the same file and nothing else. */
const asPattern = (f) => `<rootDir>/${relative(__dirname, f).split('\\').join('/')}$`.replace(/\./g, '\\.');

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|js)$': '<rootDir>/test/esbuild-transform.js' },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno|pascua|node-pg-migrate|jose)/)'],
};

module.exports = {
  testTimeout: 30000,
  // Jest's default is one worker less than the cores: on a 2-core machine that is one, and every file ran in band,
  // one after the other, leaving a core idle while the integration tests wait on their child processes.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testSequencer: '<rootDir>/test/sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', ...integrationFiles.map(asPattern)],
    },
    {
      ...common,
      displayName: 'integration',
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
      // Only these files.
      testMatch: integrationFiles.length
        ? integrationFiles.map((f) => `<rootDir>/${relative(__dirname, f)}`)
        : ['<rootDir>/test/none'],
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
    },
  ],
};
