export * from './code-point-order.js';
export * from './sales-delta.js';
export * from './sales-aggregates.repository.js';
export * from './queries/statistics-snapshot.query.js';
export * from './revenue-delta.js';
