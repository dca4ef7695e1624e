export * from './load-config.js';
export * from './base-schema.js';
export { z } from 'zod';
export * from './push-schema.js';
