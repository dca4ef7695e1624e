export * from './logger.module.js';
export * from './metrics.js';
export * from './health.js';
