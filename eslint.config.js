import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import unitBoundaries from './eslint-rules/unit-boundaries.js';

const THROUGH_INDEX = { group: ['@shopwire/*/*'], message: 'Import a lib through its index: @shopwire/<lib>.' };
const THROUGH_INDEX_EXCEPT_BROWSER_SUPPORT = {
  ...THROUGH_INDEX,
  group: ['@shopwire/*/*', '!@shopwire/test-support/browser'],
};
const NOT_BY_PATH = { group: ['**/libs/*/src/**'], message: 'Import a lib through @shopwire/<lib>, not by path.' };
const NO_APPS = { group: ['**/apps/**'], message: 'Libs never import apps.' };
const NO_TEST_SUPPORT = {
  group: ['@shopwire/test-support*', '**/test/support/**'],
  message: 'Libs never import @shopwire/test-support (it boots apps); use @shopwire/testing.',
};
const NO_TEST_HELPERS = {
  group: ['@shopwire/testing', '@shopwire/test-support*', '**/test/support/**'],
  message: 'Production code imports no test helpers.',
};
/** Ignores for the production-only rules: tests and the folders of helpers they use. */
const PRODUCTION_ONLY = ['**/*.spec.ts', '**/test/**', '**/testing-support/**'];

/** One no-restricted-imports block (a later block replaces the rule for the files it matches). */
const restrictImports = (files, ignores, patterns) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Import boundaries (docs/architecture.md): apps reach libs only through their index, libs
  // never reach apps, production code reaches no test helper. Lib direction: test/architecture.
  restrictImports(['apps/**/*.ts'], [], [THROUGH_INDEX_EXCEPT_BROWSER_SUPPORT, NOT_BY_PATH]),
  restrictImports(['apps/**/*.ts'], PRODUCTION_ONLY, [THROUGH_INDEX, NOT_BY_PATH, NO_TEST_HELPERS]),
  restrictImports(['libs/**/*.ts'], [], [NO_APPS, NO_TEST_SUPPORT, THROUGH_INDEX]),
  restrictImports(['libs/**/*.ts'], ['libs/testing/**', ...PRODUCTION_ONLY], [NO_APPS, NO_TEST_HELPERS, THROUGH_INDEX]),
  // Relative imports stay inside their app, lib or top-level folder; test/support/app-boot.ts is the
  // one file that reaches into apps (docs/architecture.md, "Test support").
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.{ts,mjs}'],
    ignores: ['test/support/app-boot.ts'],
    plugins: { shopwire: unitBoundaries },
    rules: { 'shopwire/relative-imports-stay-inside': 'error' },
  },
  // Benchmarks, chaos scripts and the compose test share scripts/lib (and test/support's plain-JS
  // helpers, and the build they run), never each other's folders.
  {
    files: ['bench/**/*.mjs', 'chaos/**/*.mjs', 'deploy/**/*.{ts,mjs}', 'scripts/lib/**/*.mjs'],
    plugins: { shopwire: unitBoundaries },
    rules: {
      'shopwire/relative-imports-stay-inside': ['error', { shared: ['scripts/lib', 'test/support', 'dist'] }],
    },
  },
);
