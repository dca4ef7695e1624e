export * from './logger.js';
export * from './metrics-registry.js';
export * from './metrics.js';
export * from './cluster-metrics.js';
export * from './health.js';
