export * from './event-cursor.js';
export * from './realtime-client.js';
