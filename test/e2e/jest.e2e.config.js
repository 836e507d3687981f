/**
 * Jest for the end-to-end test (`npm run test:e2e`): the bot and Microsoft's Agents Playground as real processes,
 * driven through headless Chromium. The main config (jest.config.js) ignores test/e2e/.
 */
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.js' },
  // Building, two servers and a browser: minutes, not seconds.
  testTimeout: 180000,
  maxWorkers: 1,
  verbose: true,
};
