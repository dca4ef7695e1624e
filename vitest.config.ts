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
const alias = Object.fromEntries(
  libs.map((lib) => [`@shopwire/${lib}`, fileURLToPath(new URL(`./libs/${lib}/src/index.ts`, import.meta.url))]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/**/*.spec.ts', 'deploy/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['reflect-metadata'],
  },
});
