import { PrivateSentinelGroup } from '@shopwire/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, type RedisMode } from '@shopwire/redis';

/** Retries `action` until it succeeds or the deadline passes; returns the elapsed ms. */
async function eventually(action: () => Promise<unknown>, timeoutMs = 20_000): Promise<number> {
  const began = Date.now();
  for (;;) {
    try {
      await action();
      return Date.now() - began;
    } catch (error) {
      if (Date.now() - began > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const connectedPort = async (redis: Redis) =>
  Number(/tcp_port:(\d+)/.exec(await redis.info('server'))?.[1] ?? Number.NaN);

describe('createRedisClient through Sentinel (a private primary, replica and Sentinel)', () => {
  let group: PrivateSentinelGroup;
  const clients: Redis[] = [];
  const client = (name: string, mode: RedisMode) => {
    const redis = createRedisClient(group.url, name, mode);
    redis.on('error', () => undefined); // outages are expected here
    clients.push(redis);
    return redis;
  };

  beforeAll(async () => {
    group = await PrivateSentinelGroup.start();
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await group?.stop();
  });

  it('every mode follows the primary when it vanishes without closing its sockets', async () => {
    const waiting = client('sentinel-test-wait', 'wait');
    const failFast = client('sentinel-test-fail-fast', 'fail-fast');
    const subscriber = client('sentinel-test-subscriber', 'wait');
    const received: string[] = [];
    subscriber.on('message', (_channel, message) => received.push(message));
    await subscriber.subscribe('sentinel-test');
    await waiting.set('before', '1');
    // Replication is asynchronous: a write the replica has not yet received is lost in a failover.
    expect(await waiting.wait(1, 5000)).toBe(1);
    await eventually(() => failFast.publish('sentinel-test', 'before'));
    expect(await connectedPort(waiting)).toBe(group.primaryPort);
    await eventually(async () => expect(received).toContain('before'), 5000);

    await group.losePrimary();

    // The data written before survives on the promoted replica, and writes go there.
    const waitingBack = await eventually(() => waiting.set('after', '2'));
    expect(await waiting.get('before')).toBe('1');
    expect(await connectedPort(waiting)).toBe(group.replicaPort);
    expect(await connectedPort(failFast)).not.toBe(group.primaryPort);
    // The subscriber re-subscribed on the new primary by itself: a message published there arrives.
    await eventually(async () => {
      await failFast.publish('sentinel-test', 'after');
      expect(received).toContain('after');
    });
    // Bounded by the failover detector, not by TCP timeouts (minutes) on the silent old primary.
    expect(waitingBack).toBeLessThan(15_000);
  });

  it('a plain redis:// URL still connects directly (the single-node default)', async () => {
    const direct = createRedisClient(
      `redis://127.0.0.1:${await group.currentPrimaryPort()}`,
      'sentinel-test-direct',
      'wait',
    );
    clients.push(direct);
    expect(await direct.ping()).toBe('PONG');
  });
});
