// Jest only: node-pg-migrate 9 is ESM-only and uses `import.meta.dirname` (to find its templates, a path the store
// never uses). ts-jest compiles it to CommonJS like lowdb, with import.meta.dirname read as __dirname.
const { TsJestTransformer } = require('ts-jest');

const inner = new TsJestTransformer({ tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } });
const fix = (src) => src.replace(/import\.meta\.dirname/g, '__dirname');

module.exports = {
  process: (src, path, opts) => inner.process(fix(src), path, opts),
  getCacheKey: (src, path, opts) => inner.getCacheKey(fix(src), path, opts),
};
