import { positiveInt, z } from '@shopwire/config';
import { isRedisLocation } from '@shopwire/redis';
import { DEFAULT_STORE_DATABASE_URL } from './store-data-source.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Config fields of every process on the store side (owner, customer, courier, realtime, worker). */
export const storeConfigShape = {
  STORE_DATABASE_URL: z.string().url().default(DEFAULT_STORE_DATABASE_URL),
  /** redis://host:port, or redis-sentinel://sentinel:26379,…/primaryName (ADR 0022). */
  REDIS_URL: z
    .string()
    .refine(isRedisLocation, 'must be a redis:// URL or redis-sentinel://host:port[,host:port…]/primaryName')
    .default(DEFAULT_REDIS_URL),
  DB_POOL_SIZE: positiveInt(20),
};
