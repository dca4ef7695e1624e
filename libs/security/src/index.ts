export * from './jwt-verifier.js';
export * from './unauthorized.error.js';
export * from './role.guard.js';
export * from './security.module.js';
