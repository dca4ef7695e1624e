import { createRedisClient } from '@shopwire/redis';

/** Deletes every Redis key under a test's BullMQ prefix (queues, schedulers, dedup keys). */
export async function deleteQueueKeys(prefix: string, redisUrl = 'redis://127.0.0.1:6379'): Promise<void> {
  const redis = createRedisClient(redisUrl, 'test-queue-keys', 'wait');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
