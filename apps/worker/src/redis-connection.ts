import { Redis } from 'ioredis';

/**
 * An ioredis connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ requires for
 * blocking worker connections: commands wait for a reconnect instead of failing the worker loop.
 */
export function createRedisConnection(url: string, connectionName: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName, lazyConnect: false });
}
