export * from './redis-client.js';
export * from './redis-location.js';
