// @shopwire/test-support: the shop under test — app boots, stacks, built processes, domain
// fixtures. It may import apps (only app-boot.ts does); the app-free helpers are @shopwire/testing.
// Browser support is its own entry, @shopwire/test-support/browser (it loads Playwright and Vite).
export * from './app-boot.js';
export * from './store-stack.js';
export * from './order-test-harness.js';
export * from './realtime-test-kit.js';
export * from './worker-process.js';
export * from './built-apps.js';
export * from './store-fixtures.js';
export * from './sales-oracle.js';
export * from './local-push-service.mjs';
export * from './push-pipeline.js';
