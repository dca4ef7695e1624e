import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const libs = [
  'contracts',
  'config',
  'observability',
  'security',
  'http',
  'database',
  'auth-data',
  'store-data',
  'testing',
  'catalogue',
  'statistics',
  'ordering',
  'realtime-client',
  'push',
  'redis',
];
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
// Exact matches: `@shopwire/test-support` must not also rewrite `@shopwire/test-support/browser`.
const alias = [
  ...libs.map((lib) => ({ find: `@shopwire/${lib}`, replacement: source(`./libs/${lib}/src/index.ts`) })),
  { find: '@shopwire/test-support', replacement: source('./test/support/index.ts') },
  { find: '@shopwire/test-support/browser', replacement: source('./test/support/browser/index.ts') },
].map(({ find, replacement }) => ({ find: new RegExp(`^${find}$`), replacement }));

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      'apps/**/*.spec.ts',
      'libs/**/*.spec.ts',
      'test/**/*.spec.ts',
      'deploy/**/*.spec.ts',
      'scripts/*.spec.ts',
    ],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['reflect-metadata'],
  },
});
