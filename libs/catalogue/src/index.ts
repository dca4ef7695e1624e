export * from './catalogue-version.js';
export * from './catalogue-rows.js';
export * from './catalogue-writer.js';
export * from './product-changes.js';
