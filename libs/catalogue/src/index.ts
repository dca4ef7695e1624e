export * from './catalogue-products.js';
export * from './catalogue.repository.js';
