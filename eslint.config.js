import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import unitBoundaries from './eslint-rules/unit-boundaries.js';

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
  // never reach apps. The direction between libs is checked by test/architecture.
  {
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@shopwire/*/*', '!@shopwire/test-support/browser'],
              message: 'Import a lib through its index: @shopwire/<lib>.',
            },
            { group: ['**/libs/*/src/**'], message: 'Import a lib through @shopwire/<lib>, not by path.' },
          ],
        },
      ],
    },
  },
  // Production code of apps imports no test helpers (tests and their helper folders may).
  {
    files: ['apps/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test/**', '**/testing-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@shopwire/*/*'], message: 'Import a lib through its index: @shopwire/<lib>.' },
            { group: ['**/libs/*/src/**'], message: 'Import a lib through @shopwire/<lib>, not by path.' },
            {
              group: ['@shopwire/testing', '@shopwire/test-support*'],
              message: 'Production code imports no test helpers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**'], message: 'Libs never import apps.' },
            {
              group: ['@shopwire/test-support*', '**/test/support/**'],
              message: 'Libs never import @shopwire/test-support (it boots apps); use @shopwire/testing.',
            },
            { group: ['@shopwire/*/*'], message: 'Import a lib through its index: @shopwire/<lib>.' },
          ],
        },
      ],
    },
  },
  // Production code of libs imports no test helpers either (their tests may use @shopwire/testing).
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/testing/**', '**/*.spec.ts', '**/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/**'], message: 'Libs never import apps.' },
            {
              group: ['@shopwire/testing', '@shopwire/test-support*', '**/test/support/**'],
              message: 'Production code imports no test helpers.',
            },
            { group: ['@shopwire/*/*'], message: 'Import a lib through its index: @shopwire/<lib>.' },
          ],
        },
      ],
    },
  },
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
