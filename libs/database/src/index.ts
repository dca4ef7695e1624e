export * from './mysql-url.js';
export * from './data-source.js';
export * from './prepare-database.js';
export * from './transient-errors.js';
export * from './database.module.js';
export * from './parameter-free-query-logger.js';
export * from './transactions.js';
export * from './shared-fresh-read.js';
