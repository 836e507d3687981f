/** Jest: TypeScript through ts-jest; lowdb, steno, pascua (under colombian-holidays) and node-pg-migrate are ESM-only, so they are transformed too. */
// restify's DEP0111 (its spdy dependency's http-deceiver calls process.binding('http_parser')): the product filters it
// in src/http/restify.ts, but in jest that code sees the test sandbox's `process`, not the real one. So, for the test
// run only, exactly that code is silenced: in this process (tests run in band) and in the workers (NODE_OPTIONS).
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

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '/node_modules/node-pg-migrate/.+\\.js$': '<rootDir>/test/esm-meta-transform.js',
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno|pascua|node-pg-migrate)/)'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
};
