// Jest's transform: TypeScript (src/, test/) and the ESM-only packages (lowdb, steno, pascua, node-pg-migrate, jose)
// to CommonJS with esbuild, each file alone. tsconfig.json has isolatedModules, so a file compiles alone to the same
// behaviour tsc gives it; the types are checked by `npm run typecheck` / `npm run build`, not here. esbuild does in a
// millisecond what TypeScript's transpileModule did in tens, and a clean clone (CI) transforms every file once.
// node-pg-migrate 9 uses `import.meta.dirname` (to find its templates, a path the store never uses): read as
// __dirname, which CommonJS has.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const esbuild = require('esbuild');

const SELF = createHash('sha256').update(readFileSync(__filename)).update(esbuild.version).digest('hex');

/** The options of one file: TypeScript or JavaScript in, CommonJS for Node 20 out, with its source map. */
function options(path) {
  return {
    loader: path.endsWith('.ts') ? 'ts' : 'js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'external',
    sourcesContent: false,
    sourcefile: path,
    // tsconfig.json's target (ES2022) defines class fields as the language does
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
    logLevel: 'silent',
  };
}

const fix = (src) => src.replace(/import\.meta\.dirname/g, '__dirname');

module.exports = {
  process(src, path) {
    const out = esbuild.transformSync(fix(src), options(path));
    return { code: out.code, map: out.map };
  },
  getCacheKey(src, path) {
    return createHash('sha256').update(SELF).update(path).update('\0').update(src).digest('hex');
  },
};
