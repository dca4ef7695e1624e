export * from './test-database.js';
export * from './test-app.js';
export * from './http-client.js';
export * from './tokens.js';
export * from './ports.js';
