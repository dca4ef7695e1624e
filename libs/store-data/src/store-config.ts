import { positiveInt, z } from '@shopwire/config';
import { DEFAULT_STORE_DATABASE_URL } from './store-data-source.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Config fields of every process on the store side (owner, customer, courier, realtime, worker). */
export const storeConfigShape = {
  STORE_DATABASE_URL: z.string().url().default(DEFAULT_STORE_DATABASE_URL),
  REDIS_URL: z.string().url().default(DEFAULT_REDIS_URL),
  DB_POOL_SIZE: positiveInt(20),
};
