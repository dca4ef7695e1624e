import type { CourierLocationAck, CourierLocationReport } from '@shopwire/contracts';
import { PrivateRedis, createTestDatabase, signTestToken, type RunningTestApp, waitUntil } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime, type ReceivedEvent, type RecordingClient } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fix = (lat: number): CourierLocationReport => ({ lat, lng: 20.46, at: Date.now() });
const send = (client: RecordingClient, report: CourierLocationReport) =>
  new Promise<CourierLocationAck>((resolve) => client.client.socket.emit('courier.location', report, resolve));
const statuses = (events: ReceivedEvent[], orderId: number) =>
  events.filter((e) => e.orderId === orderId && e.name === 'order.status').map((e) => e.status);

/**
 * Issue 12 / ADR 0009: positions ride on Redis and may be dropped while it is down, but order
 * events (tailed from the table by each replica) must flow exactly as before, on both replicas.
 */
describe('Redis outage and courier positions', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: PrivateRedis;
  let store: StoreServices;
  let replicaA: RunningTestApp;
  let replicaB: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_location_outage');
    redis = await PrivateRedis.start();
    store = await startStoreServices(db.url, { REDIS_URL: redis.url });
    const env = { REDIS_URL: redis.url, REALTIME_POLL_INTERVAL_MS: '200' };
    [replicaA, replicaB] = await Promise.all([startRealtime(db.url, env), startRealtime(db.url, env)]);
  });
  afterAll(async () => {
    await Promise.all([replicaA?.close(), replicaB?.close(), store?.close()]);
    await redis?.kill();
    await db?.drop();
  });

  it('drops positions while Redis is down, keeps every order event flowing, and resumes positions after', async () => {
    const email = 'outage-tracking@example.org';
    const courierEmail = 'outage-rider@example.org';
    const customerToken = signTestToken(email, 'customer');
    const courierToken = signTestToken(courierEmail, 'courier');
    const customer = await connectRecording(replicaA.url, customerToken);
    const courier = await connectRecording(replicaB.url, courierToken);

    const tracked = await store.placeOrder(customerToken);
    await store.pickUp(courierToken, tracked);
    await courier.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === tracked));
    expect(await send(courier, fix(44.1))).toEqual({ ok: true, orders: 1 });
    await waitUntil(() => customer.positions.length === 1, 3000);

    await redis.kill();
    // Positions: refused with `unavailable` (the ack lets the client back off), never a disconnect.
    await sleep(1100);
    expect(await send(courier, fix(44.2))).toEqual({ ok: false, error: 'unavailable' });
    // Order events: the whole life cycle of a new order still reaches the customer, in order.
    const during = await store.placeOrder(customerToken);
    await store.pickUp(courierToken, during);
    await store.deliver(customerToken, during);
    await customer.waitFor((events) => statuses(events, during).length === 3, 4000);
    expect(statuses(customer.events, during)).toEqual(['CREATED', 'PENDING', 'COMPLETE']);
    await courier.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === during), 4000);
    expect(customer.positions).toHaveLength(1);
    expect(courier.client.socket.connected && customer.client.socket.connected).toBe(true);

    await redis.restart();
    // Positions come back by themselves once both replicas have reconnected (and re-subscribed).
    await expect
      .poll(
        async () => {
          await sleep(1100);
          const ack = await send(courier, fix(44.3));
          await sleep(100);
          return ack.ok && customer.positions.some((p) => p.lat === 44.3);
        },
        { timeout: 15_000, interval: 0 },
      )
      .toBe(true);
    await store.deliver(customerToken, tracked);
    await customer.waitFor((events) => statuses(events, tracked).at(-1) === 'COMPLETE');
    const ids = customer.events.map((e) => e.eventId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    customer.close();
    courier.close();
  });
});
