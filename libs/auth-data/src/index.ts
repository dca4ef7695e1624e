export * from './entities/index.js';
export * from './migrations/index.js';
export * from './auth-data-source.js';
