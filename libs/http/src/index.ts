export * from './contract-exception.filter.js';
export * from './contract-post.decorator.js';
export * from './lenient-json.js';
export * from './create-http-app.js';
export * from './platform-modules.js';
export * from './body-cache.js';
export * from './http-processes.js';
export * from './content-security-policy.js';
