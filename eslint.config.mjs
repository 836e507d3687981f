// ESLint (flat config): eslint's recommended rules and typescript-eslint's recommended rules, for the TypeScript of
// src/, test/, bench/ and the JavaScript of scripts/ and the configs. Formatting is Prettier's (.prettierrc), not
// ESLint's. `npm run lint` runs this and `prettier --check`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's globals the JavaScript files use (TypeScript files are checked by tsc, where no-undef is off). */
const node = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
  ].map((g) => [g, ['module', 'exports'].includes(g) ? 'writable' : 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['dist/', '.test-build/', 'coverage/', 'build/', 'bench/output/', 'test/e2e/output/', '**/node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `any` is how the tests and the SDK edges read activities and cards whose shape is not ours to type.
      '@typescript-eslint/no-explicit-any': 'off',
      // Unused names are errors, except the conventional `_name` and the rest siblings that drop a key from a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Off: it flags `let x = initial;` that a try/catch or an if/else then sets on every path, a style used on purpose.
      'no-useless-assignment': 'off',
    },
  },
  {
    // The suite's output stays quiet: a test that prints a summary says so with a disable comment.
    files: ['test/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // Node's CommonJS: scripts/, the jest configs and helpers in JavaScript, the store's crash fixtures.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: node },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: node },
  },
);
