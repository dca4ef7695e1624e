export * from './roles.js';
export * from './messages.js';
export * from './order-status.js';
export * from './values.js';
export * from './token-claims.js';
export * from './order-events.js';
export * from './queues.js';
export * from './realtime-events.js';
