import { randomBytes } from 'node:crypto';
import { createRedisClient } from '@shopwire/redis';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderEventsPublisher, OrderEventsSubscriber, type OrderEventsSignal } from './order-events-channel.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Both ends over the real (shared) Redis. Other test files publish too: look for our own ids. */
describe('order-events channel', () => {
  const name = `order-events-test-${randomBytes(4).toString('hex')}`;
  const signals: OrderEventsSignal[] = [];
  let publisher: OrderEventsPublisher;
  let subscriber: OrderEventsSubscriber;
  let admin: Redis;
  // Far above any id another test file publishes, so these are ours.
  let nextId = 2_000_000_000 + Math.floor(Math.random() * 100_000_000);

  const committed = (id: number) => signals.some((s) => s.kind === 'committed' && s.eventId === id);
  const subscribedCount = () => signals.filter((s) => s.kind === 'subscribed').length;
  /** This connection's line of CLIENT LIST (connections are named by the Redis client factory). */
  const clientLine = async (connection: string) =>
    ((await admin.call('CLIENT', 'LIST')) as string).split('\n').find((l) => l.includes(` name=${connection} `));

  beforeAll(async () => {
    admin = createRedisClient(REDIS_URL, `${name}-admin`, 'wait');
    publisher = new OrderEventsPublisher(REDIS_URL, `${name}-publisher`);
    subscriber = new OrderEventsSubscriber(REDIS_URL, name);
    await subscriber.subscribe((signal) => void signals.push(signal));
    // The publishing end fails fast: wait until it is connected before publishing.
    for (let tries = 0; !(await clientLine(`${name}-publisher`)); tries++) {
      if (tries > 100) throw new Error('publisher did not connect');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    await Promise.all([publisher?.close(), subscriber?.close()]);
    admin?.disconnect();
  });

  it('tells a new listener it is subscribed, then carries published ids', async () => {
    expect(signals[0]).toEqual({ kind: 'subscribed' });
    expect(subscriber.connected).toBe(true);
    const id = nextId++;
    publisher.publish(id);
    await expect.poll(() => committed(id), { timeout: 3000 }).toBe(true);
  });

  it('coalesces the ids published in one event-loop turn into one message of the highest', async () => {
    const ids = [nextId++, nextId++, nextId++];
    for (const id of [ids[1], ids[2], ids[0]]) publisher.publish(id);
    await expect.poll(() => committed(ids[2]), { timeout: 3000 }).toBe(true);
    expect(committed(ids[0]) || committed(ids[1])).toBe(false);
  });

  it('after the connection is cut, re-subscribes, says so, and carries ids again', async () => {
    const before = subscribedCount();
    const line = await clientLine(name);
    expect(line).toBeDefined();
    await admin.call('CLIENT', 'KILL', 'ID', /\bid=(\d+)/.exec(line!)![1]);

    await expect.poll(() => subscribedCount(), { timeout: 5000 }).toBe(before + 1);
    // `subscribed` comes only once the subscription is back: what is published now arrives.
    const id = nextId++;
    publisher.publish(id);
    await expect.poll(() => committed(id), { timeout: 3000 }).toBe(true);
  });

  it('a second listener gets its own `subscribed` and the same messages', async () => {
    const second: OrderEventsSignal[] = [];
    await subscriber.subscribe((signal) => void second.push(signal));
    expect(second).toEqual([{ kind: 'subscribed' }]);
    const id = nextId++;
    publisher.publish(id);
    await expect.poll(() => second.some((s) => s.kind === 'committed' && s.eventId === id)).toBe(true);
  });

  it('never blocks or throws at the publishing end while Redis is unreachable', async () => {
    const unreachable = new OrderEventsPublisher('redis://127.0.0.1:1', `${name}-unreachable`);
    const started = Date.now();
    for (let i = 0; i < 100; i++) unreachable.publish(i);
    expect(Date.now() - started).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the flush fail
    await unreachable.close();
  });
});
