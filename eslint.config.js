import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import libGraph from './eslint-rules/lib-graph.js';
import dataOwners from './eslint-rules/data-owners.js';
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
const NO_APPS_FROM_SCRIPTS = {
  group: ['**/apps/**'],
  message: 'Scripts never import apps: go through a lib, or run the built app (as start-all does).',
};
/** Ignores for the production-only rules: tests and the folders of helpers they use. */
const PRODUCTION_ONLY = ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**', '**/testing-support/**'];

/**
 * ADR 0011: `runInTransaction` (@shopwire/database) is the only way to open a transaction. Tests
 * are exempt: some hold a transaction open by hand to stage a race (a slow writer, a rollback).
 */
const ONE_TRANSACTION_IDIOM = ['startTransaction', 'transaction', 'createQueryRunner'].map((name) => ({
  selector: `CallExpression[callee.property.name='${name}']`,
  message: `No .${name}() outside libs/database: use runInTransaction / withNamedLock from @shopwire/database (ADR 0011).`,
}));

/**
 * ADR 0028: no Nest interceptor in the HTTP apps — with any interceptor registered, Nest runs every
 * request of the app through rxjs. Per-request concerns go into a guard, a Fastify hook or the handler.
 */
const NO_INTERCEPTORS = [
  "Identifier[name='APP_INTERCEPTOR']",
  "Decorator CallExpression[callee.name='UseInterceptors']",
  "CallExpression[callee.property.name='useGlobalInterceptors']",
].map((selector) => ({
  selector,
  message:
    'No Nest interceptor: it wraps every request in rxjs (ADR 0028). Use a guard, a Fastify hook or the handler.',
}));

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
      // On (issue 21): the few deliberate `any`s are marked where they stand, each with its reason.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Import boundaries (docs/architecture.md): apps reach libs only through their index, libs
  // never reach apps, production code reaches no test helper, scripts reach no app.
  restrictImports(['apps/**/*.{ts,tsx}'], [], [THROUGH_INDEX_EXCEPT_BROWSER_SUPPORT, NOT_BY_PATH]),
  restrictImports(['apps/**/*.{ts,tsx}'], PRODUCTION_ONLY, [THROUGH_INDEX, NOT_BY_PATH, NO_TEST_HELPERS]),
  restrictImports(['libs/**/*.ts'], [], [NO_APPS, NO_TEST_SUPPORT, THROUGH_INDEX]),
  restrictImports(['libs/**/*.ts'], ['libs/testing/**', ...PRODUCTION_ONLY], [NO_APPS, NO_TEST_HELPERS, THROUGH_INDEX]),
  restrictImports(['scripts/*.{ts,mjs}'], [], [NO_APPS_FROM_SCRIPTS, NOT_BY_PATH, THROUGH_INDEX]),
  restrictImports(['scripts/lib/**/*.mjs'], [], [NO_APPS_FROM_SCRIPTS]),
  // The lib graph's direction, read from docs/architecture.md (test/architecture checks the graph
  // itself is exact and acyclic).
  {
    files: ['libs/**/*.ts'],
    plugins: { 'shopwire-libs': libGraph },
    rules: { 'shopwire-libs/lib-graph-direction': 'error' },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    ignores: ['libs/database/**', ...PRODUCTION_ONLY],
    rules: { 'no-restricted-syntax': ['error', ...ONE_TRANSACTION_IDIOM, ...NO_INTERCEPTORS] },
  },
  // SQL only in data owners: `*.repository.ts` and `*.query.ts` (docs/architecture.md, "Data
  // owners"). libs/database is the SQL plumbing, migrations are schema, tests stage their rows.
  {
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['libs/database/**', 'libs/testing/**', '**/migrations/**', ...PRODUCTION_ONLY],
    plugins: { 'shopwire-data': dataOwners },
    rules: { 'shopwire-data/sql-only-in-data-owners': 'error' },
  },
  // Relative imports stay inside their app, lib or top-level folder; test/support/app-boot.ts is the
  // one file that reaches into apps (docs/architecture.md, "Test support").
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts', 'test/**/*.{ts,mjs}', 'scripts/*.{ts,mjs}'],
    ignores: ['test/support/app-boot.ts', 'test/architecture/**', 'test/docs/**'],
    plugins: { shopwire: unitBoundaries },
    rules: { 'shopwire/relative-imports-stay-inside': 'error' },
  },
  // The architecture and docs tests read what they check against from its one source: the lib
  // graph through the lint rule's own reader, the benchmark list through run-all's.
  {
    files: ['test/architecture/**', 'test/docs/**'],
    plugins: { shopwire: unitBoundaries },
    rules: { 'shopwire/relative-imports-stay-inside': ['error', { shared: ['eslint-rules', 'bench/lib'] }] },
  },
  // Benchmarks, chaos scripts and the compose test share scripts/lib, test/support's plain-JS
  // helpers, the build they run (dist) and @shopwire/testing's plain-JS modules — never each
  // other's folders.
  {
    files: ['bench/**/*.mjs', 'chaos/**/*.mjs', 'deploy/**/*.{ts,mjs}', 'scripts/lib/**/*.mjs'],
    plugins: { shopwire: unitBoundaries },
    rules: {
      'shopwire/relative-imports-stay-inside': [
        'error',
        { shared: ['scripts/lib', 'test/support', 'dist', 'libs/testing/src/plain'] },
      ],
    },
  },
);
