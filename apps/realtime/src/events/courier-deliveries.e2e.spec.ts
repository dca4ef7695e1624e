import { createTestDatabase, signTestToken, type RunningTestApp } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

/**
 * Issue 20: a courier's *My deliveries* follows its orders without polling — the courier who
 * picked an order up gets its `order.status` (PENDING, COMPLETE), live and replayed after a
 * reconnect; other couriers do not.
 */
describe("the courier's own deliveries, live", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: StoreServices;
  let realtime: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_courier_deliveries');
    store = await startStoreServices(db.url);
    realtime = await startRealtime(db.url);
  });
  afterAll(async () => {
    await Promise.all([realtime?.close(), store?.close()]);
    await db?.drop();
  });

  it('sends the picking courier PENDING and COMPLETE of its order, and other couriers neither', async () => {
    const customer = signTestToken('deliveries-live@example.org', 'customer');
    const mine = signTestToken('Rider.One@example.org', 'courier');
    const other = signTestToken('rider.two@example.org', 'courier');
    const [me, them] = await Promise.all([connectRecording(realtime.url, mine), connectRecording(realtime.url, other)]);
    const orderId = await store.placeOrder(customer);
    await store.pickUp(mine, orderId);
    await store.deliver(customer, orderId);
    await me.waitFor((events) => events.some((e) => e.name === 'order.status' && e.status === 'COMPLETE'));
    const seen = (events: typeof me.events) =>
      events.filter((e) => e.orderId === orderId).map((e) => [e.name, e.status ?? null]);
    expect(seen(me.events)).toEqual([
      ['order.available', null],
      ['order.taken', null],
      ['order.status', 'PENDING'],
      ['order.status', 'COMPLETE'],
    ]);
    await them.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === orderId));
    // Give a wrongly routed COMPLETE the time it would need to arrive before asserting it did not.
    const probe = await store.placeOrder(customer);
    await them.waitFor((events) => events.some((e) => e.orderId === probe));
    expect(seen(them.events)).toEqual([
      ['order.available', null],
      ['order.taken', null],
    ]);
    me.close();
    them.close();
  });

  it('replays a delivery confirmed while the courier was offline, once, after the reconnect', async () => {
    const customer = signTestToken('deliveries-replay@example.org', 'customer');
    const courier = signTestToken('rider.three@example.org', 'courier');
    const client = await connectRecording(realtime.url, courier);
    const orderId = await store.placeOrder(customer);
    await store.pickUp(courier, orderId);
    await client.waitFor((events) => events.some((e) => e.name === 'order.status' && e.orderId === orderId));

    client.client.socket.disconnect();
    // The customer seeing COMPLETE live means this replica's tailer has passed it: the courier
    // must now get it from the replay, not from live delivery.
    const watcher = await connectRecording(realtime.url, customer);
    await store.deliver(customer, orderId);
    await watcher.waitFor((events) => events.some((e) => e.status === 'COMPLETE' && e.orderId === orderId));
    watcher.close();
    const readies = client.readies.length;
    client.client.socket.connect(); // the library resends its lastEventId
    await client.waitFor((events) => events.some((e) => e.status === 'COMPLETE' && e.orderId === orderId));
    await expect.poll(() => client.readies.length).toBeGreaterThan(readies);
    expect(client.readies.at(-1)!.replayed).toBe(1);
    const completes = client.events.filter((e) => e.status === 'COMPLETE' && e.orderId === orderId);
    expect(completes).toHaveLength(1);
    const ids = client.events.map((e) => e.eventId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    client.close();
  });
});
