import { createTestDatabase, signTestToken, type RunningTestApp } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderEventFactory } from '../../test/order-event-factory.js';
import { connectRecording, startRealtime } from '@shopwire/test-support';

const GRACE_MS = 800;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Out-of-order commits and rollbacks, written with SQL so the test controls each transaction. */
describe('order event tailer against real transactions', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let factory: OrderEventFactory;
  let realtime: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_tailer');
    factory = await OrderEventFactory.open(db.url, 'redis://127.0.0.1:6379');
    realtime = await startRealtime(db.url, { REALTIME_GAP_GRACE_MS: String(GRACE_MS) });
  });
  afterAll(async () => {
    await realtime?.close();
    await factory?.close();
    await db?.drop();
  });

  it('holds a later commit until the earlier id commits, then delivers both in id order', async () => {
    const email = 'slow@example.org';
    const client = await connectRecording(realtime.url, signTestToken(email, 'customer'));
    const first = await factory.createOrder(email);
    const second = await factory.createOrder(email);
    await client.waitFor((events) => events.length === 2);

    const slow = await factory.beginTransition(first.orderId, email, 'PENDING'); // id n, not committed
    const fastId = await factory.transition(second.orderId, email, 'PENDING'); // id n+1, committed
    expect(fastId).toBe(slow.eventId + 1);
    await sleep(300);
    expect(client.events).toHaveLength(2); // n+1 is visible but held behind the open n

    await slow.commit();
    await client.waitFor((events) => events.length === 4);
    expect(client.events.slice(2).map((e) => e.eventId)).toEqual([slow.eventId, fastId]);
    client.close();
  });

  it('keeps holding past the grace period while the transaction is still open, then delivers in order', async () => {
    const email = 'stalled@example.org';
    const client = await connectRecording(realtime.url, signTestToken(email, 'customer'));
    const order = await factory.createOrder(email);
    const other = await factory.createOrder(email);
    await client.waitFor((events) => events.length === 2);

    const stalled = await factory.beginTransition(order.orderId, email, 'PENDING');
    const laterId = await factory.transition(other.orderId, email, 'PENDING');
    await sleep(GRACE_MS * 2); // well past the grace period: the row lock says "not a rollback"
    expect(client.events).toHaveLength(2);

    await stalled.commit();
    await client.waitFor((events) => events.length === 4);
    expect(client.events.slice(2).map((e) => e.eventId)).toEqual([stalled.eventId, laterId]);
    client.close();
  });

  it('skips an id burnt by a rollback after the grace period, and keeps delivering', async () => {
    const email = 'rollback@example.org';
    const client = await connectRecording(realtime.url, signTestToken(email, 'customer'));
    const order = await factory.createOrder(email);
    const burnt = await factory.beginTransition(order.orderId, email, 'PENDING');
    await burnt.rollback();
    const started = Date.now();
    const nextId = await factory.transition(order.orderId, email, 'PENDING');
    expect(nextId).toBe(burnt.eventId + 1);

    await client.waitFor((events) => events.some((e) => e.eventId === nextId), GRACE_MS + 2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(GRACE_MS - 100);
    expect(client.events.map((e) => e.eventId)).toEqual([order.eventId, nextId]);

    const after = await factory.transition(order.orderId, email, 'COMPLETE');
    await client.waitFor((events) => events.at(-1)?.eventId === after, 1000);
    client.close();
  });
});
