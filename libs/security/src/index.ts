export * from './jwt-verifier.js';
export * from './access-token.strategy.js';
export * from './unauthorized.error.js';
export * from './role.guard.js';
export * from './security.module.js';
export * from './verified-token-cache.js';
export * from './admitted-token-observer.js';
