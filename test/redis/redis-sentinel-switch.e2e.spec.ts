import { PrivateSentinelGroup, waitFor, waitUntil } from '@shopwire/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, type RedisMode } from '@shopwire/redis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 19: a failover announced (`+switch-master`) while a connection is still asking a Sentinel
 * for the primary — where a connection spends the failover after its primary died — must not end
 * that connection. With ioredis' `failoverDetector` it did: the client went to `end`, never to
 * reconnect (courier positions stopped for good in the HA test). A paused first Sentinel makes
 * that moment long instead of rare: the clients hang asking it while the other two fail over.
 */
describe('a failover announced while a connection asks a Sentinel (three Sentinels, kill -9)', () => {
  let group: PrivateSentinelGroup;
  const clients: Redis[] = [];
  const ended: string[] = [];
  const client = (name: string, mode: RedisMode) => {
    const redis = createRedisClient(group.url, name, mode);
    redis.on('error', () => undefined); // outages are expected here
    redis.on('end', () => ended.push(name));
    clients.push(redis);
    return redis;
  };

  beforeAll(async () => {
    group = await PrivateSentinelGroup.start('switch-test', 3);
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    await group?.stop();
  });

  it('every connection reconnects to the promoted primary and the subscriber gets messages again', async () => {
    const publisher = client('switch-test-fail-fast', 'fail-fast');
    const waiting = client('switch-test-wait', 'wait');
    const subscriber = client('switch-test-subscriber', 'wait');
    const received: string[] = [];
    subscriber.on('message', (_channel, message) => received.push(message));
    await subscriber.subscribe('switch-test');
    await waitUntil(() => publisher.status === 'ready', 5000);
    await publisher.publish('switch-test', 'before');
    await waitUntil(() => received.includes('before'), 5000);

    const first = group.sentinelPorts[0]!;
    group.pauseSentinel(first, true);
    const killed = await group.killPrimary();
    // Let the other two Sentinels both announce the switch while the clients wait on the first.
    const promoted = await group.currentPrimaryPort();
    await waitFor('the second Sentinel to name the promoted primary', async () => {
      return (await group.currentPrimaryPort(group.sentinelPorts[1])) === promoted;
    });
    await sleep(500);
    group.pauseSentinel(first, false);

    const deadline = Date.now() + 20_000;
    while (!received.includes('after') && Date.now() < deadline) {
      await publisher.publish('switch-test', 'after').catch(() => 0);
      await sleep(200);
    }
    // The ended ones first: they are why nothing arrives (before the fix: all three).
    expect(ended).toEqual([]);
    expect(received).toContain('after');
    expect(await waiting.set('after', '1')).toBe('OK');
    expect(promoted).not.toBe(killed);
  });

  it('a duplicate follows switches too, and the shared watch goes once its connections are closed, by quit() too (BullMQ)', async () => {
    const sentinel = new Redis({ port: group.sentinelPorts[1], lazyConnect: true });
    sentinel.on('error', () => undefined);
    const watching = async () => String(await sentinel.client('LIST')).includes('name=sentinel-switch-watch');
    for (const redis of clients.splice(0)) redis.disconnect();
    await waitFor('the watch to close with its last connection', async () => !(await watching()));
    // A duplicate, as BullMQ makes them: it must follow switches too (the Connector option).
    const original = createRedisClient(group.url, 'switch-test-quit', 'wait');
    const redis = original.duplicate();
    original.disconnect();
    redis.on('error', () => undefined);
    expect(await redis.ping()).toBe('PONG');
    await waitFor('the watch to subscribe', watching);
    await redis.quit();
    await waitFor('the watch to close after quit()', async () => !(await watching()));
    sentinel.disconnect();
  });
});
