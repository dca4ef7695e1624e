import { dropDatabase } from '@shopwire/database';
import { seedProducts, signTestToken, type HttpClient } from '@shopwire/testing';
import { openStoreDatabase } from '@shopwire/store-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startStoreStack, type RecordingClient, type StoreStack } from '@shopwire/test-support';

const ana = signTestToken('ana@example.org', 'customer');
const courierToken = signTestToken('courier@example.org', 'courier');

/** What `npm run db:reset` does to the store: drop it, recreate it migrated. */
async function resetStore(url: string): Promise<void> {
  await dropDatabase(url);
  await (await openStoreDatabase(url)).destroy();
}

async function readiness(client: HttpClient): Promise<number> {
  return (await client.get('/health/ready')).status;
}

/**
 * Issue 14 item 8: the store database is reset under running apps. Nothing they derived from
 * the old store (catalogue snapshot, cached /status bodies, the realtime tail cursor, a
 * client's last event id) may be served as if it were current. With two realtime replicas one
 * leads the relay (the Redis lease) and the other follows its stream (ADR 0027): the follower must
 * move to the new store's generation too. (The replicas share this process's metrics registry, so
 * their roles are asserted in relay.e2e.spec.ts, with one process per replica.)
 */
describe.each([1, 2])('a store reset under running apps (%i realtime replicas)', (realtimeReplicas) => {
  let stack: StoreStack;
  let couriers: RecordingClient[] = [];

  beforeAll(async () => {
    stack = await startStoreStack({
      label: `store_reset_${realtimeReplicas}`,
      customer: 1,
      realtime: realtimeReplicas,
      env: { REALTIME_POLL_INTERVAL_MS: '100', REALTIME_RELAY_LEASE_MS: '900' },
    });
  });
  afterAll(async () => {
    for (const courier of couriers) courier.close();
    await stack?.close();
  });

  const placeOrder = async (productId: number) => {
    const response = await stack.customer.post(
      '/order',
      { requests: [{ id: productId, quantity: 1 }] },
      { token: ana },
    );
    expect(response.status).toBe(200);
    return response.body.id as number;
  };
  const searchNames = async () =>
    ((await stack.customer.get('/search?name=&category=', { token: ana })).body.products as Array<{ name: string }>)
      .map((p) => p.name)
      .sort();

  it('reloads the catalogue, never serves old /status bodies, resyncs clients, and is not ready meanwhile', async () => {
    const [apple, pear] = await seedProducts(stack.dataSource, [
      { name: 'Apple', price: 1.25, categories: ['Fruit'] },
      { name: 'Pear', price: 2, categories: ['Fruit'] },
    ]);
    expect(await searchNames()).toEqual(['Apple', 'Pear']);
    couriers = await Promise.all(stack.urls.realtime.map((url) => connectRecording(url, courierToken)));
    const before = [await placeOrder(apple), await placeOrder(pear)];
    for (const courier of couriers)
      await courier.waitFor((events) => events.filter((e) => e.name === 'order.available').length === 2);
    const oldStatus = (await stack.customer.get('/status', { token: ana })).body;
    expect(oldStatus.orders).toHaveLength(2);

    await dropDatabase(stack.db.url);
    expect(await readiness(stack.customer)).toBe(503);
    for (const realtime of stack.realtimes) expect(await readiness(realtime)).toBe(503);
    await resetStore(stack.db.url);
    // Migrated, but the catalogue snapshot is of the old store until it has reloaded.
    expect(await readiness(stack.customer)).toBe(503);
    for (const client of [stack.customer, ...stack.realtimes]) {
      const deadline = Date.now() + 5000;
      while ((await readiness(client)) !== 200) {
        if (Date.now() > deadline)
          throw new Error(`not ready again within 5 s: ${JSON.stringify((await client.get('/health/ready')).body)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    const [banana, cherry] = await seedProducts(stack.dataSource, [
      { name: 'Banana', price: 0.5, categories: ['Fruit'] },
      { name: 'Cherry', price: 3, categories: ['Fruit'] },
    ]);
    expect(await searchNames()).toEqual(['Banana', 'Cherry']);

    // The new store's ids start again, below what the courier has seen: it must still get them.
    const after = [await placeOrder(banana), await placeOrder(cherry)];
    expect(Math.max(...after)).toBeLessThanOrEqual(Math.max(...before));
    for (const courier of couriers) {
      await courier.waitFor((events) =>
        after.every((id) => events.some((e) => e.name === 'order.available' && e.orderId === id && e.eventId <= 2)),
      );
      expect(courier.resyncs).toContainEqual({ lastEventId: 0, reason: 'store_reset' });
    }

    // Same event count and newest id as before the reset: the epoch keeps the old body out.
    const status = (await stack.customer.get('/status', { token: ana })).body;
    expect(status.orders.map((o: { products: Array<{ name: string }> }) => o.products[0].name)).toEqual([
      'Banana',
      'Cherry',
    ]);
  });

  it('tells a client reconnecting with an id the store never reached to resync from the new position', async () => {
    for (const url of stack.urls.realtime) {
      const late = await connectRecording(url, courierToken, 1_000);
      try {
        expect(late.resyncs).toEqual([{ lastEventId: expect.any(Number), reason: 'store_reset' }]);
        expect(late.client.lastEventId).toBeLessThan(1_000);
      } finally {
        late.close();
      }
    }
  });
});
