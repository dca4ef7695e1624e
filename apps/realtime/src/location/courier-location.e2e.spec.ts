import type { CourierLocationAck, CourierLocationReport, GeoPoint } from '@shopwire/contracts';
import { createTestDatabase, PrivateRedis, signTestToken, type RunningTestApp, waitUntil } from '@shopwire/testing';
import { createRedisClient } from '@shopwire/redis';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime, type RecordingClient } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';
import { haversineMetres } from './eta.js';
import { lastPositionKey } from './location-keys.js';

const customerToken = (email: string) => signTestToken(email, 'customer');
const courierToken = (email: string) => signTestToken(email, 'courier');
const destination: GeoPoint = { lat: 44.8125, lng: 20.4612 };
/** A fix `metres` south of the destination, measured now. */
const fixAt = (metres: number, extra: Partial<CourierLocationReport> = {}): CourierLocationReport => ({
  lat: destination.lat - metres / 111_195,
  lng: destination.lng,
  at: Date.now(),
  ...extra,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The default rate limit is one report per second per courier; wait it out between reports. */
const RATE_WINDOW_MS = 1100;

/**
 * Issue 12 over real sockets, two realtime replicas and the real customer/courier services:
 * positions start at pick-up, stop at COMPLETE, reach only the customers of the courier's
 * PENDING orders (on any replica), are validated and rate-limited, and the latest one is given
 * to a customer who connects mid-delivery.
 */
describe('courier positions (courier.location → order.courier_location)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: StoreServices;
  let replicaA: RunningTestApp;
  let replicaB: RunningTestApp;
  let redis: Redis;
  let privateRedis: PrivateRedis;
  const open: RecordingClient[] = [];

  const connect = async (replica: RunningTestApp, token: string) => {
    const client = await connectRecording(replica.url, token);
    open.push(client);
    return client;
  };
  const send = (client: RecordingClient, report: unknown) =>
    new Promise<CourierLocationAck>((resolve) =>
      client.client.socket.emit('courier.location', report as CourierLocationReport, resolve),
    );
  /** Picks up and waits until the courier's replica has seen it (its socket got order.taken). */
  const pickUp = async (courier: RecordingClient, email: string, orderId: number) => {
    await store.pickUp(courierToken(email), orderId);
    await courier.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === orderId));
  };

  beforeAll(async () => {
    // A Redis of its own: position keys are named by order id and courier email, which other
    // test files (their own databases start at order 1 too) would share on the common Redis.
    [db, privateRedis] = await Promise.all([createTestDatabase('rt_location'), PrivateRedis.start()]);
    const env = { REDIS_URL: privateRedis.url };
    store = await startStoreServices(db.url, env);
    [replicaA, replicaB] = await Promise.all([startRealtime(db.url, env), startRealtime(db.url, env)]);
    redis = createRedisClient(privateRedis.url, 'courier-location-test', 'wait');
  });
  afterAll(async () => {
    for (const client of open) client.close();
    redis?.disconnect();
    await Promise.all([replicaA?.close(), replicaB?.close(), store?.close()]);
    await Promise.all([db?.drop(), privateRedis?.kill()]);
  });

  it('starts at pick-up, reaches the customer on the other replica with a falling ETA, stops at COMPLETE', async () => {
    const email = 'follow@example.org';
    const customer = await connect(replicaA, customerToken(email));
    const courier = await connect(replicaB, courierToken('rider@example.org'));
    const orderId = await store.placeOrder(customerToken(email), { deliveryLocation: destination });
    await courier.waitFor((events) => events.some((e) => e.orderId === orderId));

    expect(await send(courier, fixAt(2000))).toEqual({ ok: false, error: 'no_active_orders' });
    await pickUp(courier, 'rider@example.org', orderId);
    await sleep(RATE_WINDOW_MS);

    const first = fixAt(1000, { speed: 8 });
    expect(await send(courier, first)).toEqual({ ok: true, orders: 1 });
    await waitUntil(() => customer.positions.length === 1, 3000);
    // One speed sample is not evidence enough: the ETA is unknown rather than a guess (ADR 0020).
    expect(customer.positions[0]).toEqual({ orderId, lat: first.lat, lng: first.lng, at: first.at, etaSeconds: null });

    await sleep(RATE_WINDOW_MS);
    const second = fixAt(990, { speed: 8 });
    expect(await send(courier, second)).toEqual({ ok: true, orders: 1 });
    await waitUntil(() => customer.positions.length === 2, 3000);
    expect(customer.positions[1]!.etaSeconds).toBe(Math.round(haversineMetres(second, destination) / 8));

    await sleep(RATE_WINDOW_MS);
    expect(await send(courier, fixAt(980, { speed: 8 }))).toEqual({ ok: true, orders: 1 });
    await waitUntil(() => customer.positions.length === 3, 3000);
    expect(customer.positions[2]!.etaSeconds).toBeLessThan(customer.positions[1]!.etaSeconds!);

    await store.deliver(customerToken(email), orderId);
    await customer.waitFor((events) => events.some((e) => e.orderId === orderId && e.status === 'COMPLETE'));
    // The courier's replica stops as soon as it has tailed the COMPLETE event too.
    await expect
      .poll(async () => (await sleep(RATE_WINDOW_MS), send(courier, fixAt(10))), { timeout: 8000, interval: 0 })
      .toEqual({ ok: false, error: 'no_active_orders' });
    await sleep(300);
    expect(customer.positions).toHaveLength(3);
    expect(await redis.exists(lastPositionKey(orderId))).toBe(0);
    expect(courier.positions).toEqual([]);
  });

  it('sends each customer only the positions of its own orders’ couriers (3 couriers, 4 customers at once)', async () => {
    const couriers = ['iso-c1@example.org', 'iso-c2@example.org', 'iso-c3@example.org'];
    const customers = ['iso-u1@example.org', 'iso-u2@example.org', 'iso-u3@example.org', 'iso-u4@example.org'];
    const courierSockets = await Promise.all(
      couriers.map((email, i) => connect(i % 2 ? replicaA : replicaB, courierToken(email))),
    );
    const customerSockets = await Promise.all(
      customers.map((email, i) => connect(i % 2 ? replicaB : replicaA, customerToken(email))),
    );
    const secondTabOfU1 = await connect(replicaB, customerToken(customers[0]!));
    // u1 has two orders (c1 and c2 carry one each), u2 one with c1, u3 one with c2; u4's is never picked up.
    const place = (customer: number) =>
      store.placeOrder(customerToken(customers[customer]!), { deliveryLocation: destination });
    const [u1a, u1b, u2, u3, u4] = await Promise.all([place(0), place(0), place(1), place(2), place(3)]);
    const carried: Array<[number, number]> = [
      [0, u1a!],
      [1, u1b!],
      [0, u2!],
      [1, u3!],
    ];
    for (const [courier, orderId] of carried) await pickUp(courierSockets[courier]!, couriers[courier]!, orderId);
    await sleep(RATE_WINDOW_MS);

    // Each courier's latitude identifies it: c1 at 1 km, c2 at 2 km, c3 at 3 km south.
    const acks = await Promise.all(courierSockets.map((socket, i) => send(socket, fixAt((i + 1) * 1000))));
    expect(acks).toEqual([
      { ok: true, orders: 2 },
      { ok: true, orders: 2 },
      { ok: false, error: 'no_active_orders' },
    ]);
    const latOf = (courier: number) => fixAt((courier + 1) * 1000).lat;
    const expected: Array<Array<[number, number]>> = [
      [
        [u1a!, latOf(0)],
        [u1b!, latOf(1)],
      ],
      [[u2!, latOf(0)]],
      [[u3!, latOf(1)]],
      [],
    ];
    await waitUntil(() => customerSockets.every((socket, i) => socket.positions.length >= expected[i]!.length), 3000);
    await sleep(300); // room for a leak to show up
    customerSockets.forEach((socket, i) => {
      const got = socket.positions.map((p) => [p.orderId, p.lat] as [number, number]).sort((a, b) => a[0] - b[0]);
      // The orders were placed concurrently: their ids need not follow the order of `place` calls.
      expect(got).toEqual([...expected[i]!].sort((a, b) => a[0] - b[0]));
    });
    expect(secondTabOfU1.positions.map((p) => p.orderId).sort()).toEqual([u1a, u1b].sort());
    for (const socket of courierSockets) expect(socket.positions).toEqual([]);
    expect(u4).toBeGreaterThan(0);
  });

  it('validates reports, refuses them from customers, answers every one and never disconnects', async () => {
    const courierEmail = 'validate@example.org';
    const courier = await connect(replicaA, courierToken(courierEmail));
    const customer = await connect(replicaA, customerToken('validate-customer@example.org'));
    const orderId = await store.placeOrder(customerToken('validate-customer@example.org'));
    await pickUp(courier, courierEmail, orderId);

    for (const bad of [
      null,
      'here',
      [1, 2],
      { lat: 91, lng: 0, at: Date.now() },
      { lat: 0, lng: Number.NaN, at: Date.now() },
      { lat: '1', lng: 0, at: Date.now() },
      { lat: 0, lng: 0, at: Date.now() + 60_000 },
      { lat: 0, lng: 0, at: Date.now() - 31_000 },
      { lat: 0, lng: 0, at: Date.now(), speed: -1 },
      { lat: 0, lng: 0, at: Date.now(), heading: 400 },
    ]) {
      expect(await send(courier, bad)).toEqual({ ok: false, error: 'invalid' });
    }
    expect(await send(customer, fixAt(100))).toEqual({ ok: false, error: 'forbidden' });
    courier.client.socket.emit('courier.location', fixAt(500)); // no ack callback: still fine
    await sleep(RATE_WINDOW_MS);
    expect(await send(courier, fixAt(400))).toEqual({ ok: true, orders: 1 });
    await waitUntil(() => customer.positions.length >= 1, 3000);
    expect(customer.positions.every((p) => p.etaSeconds === null)).toBe(true); // no destination given
    expect(courier.client.socket.connected && customer.client.socket.connected).toBe(true);
  });

  it('accepts at most one report per second per courier, across replicas, and drops the rest silently', async () => {
    const courierEmail = 'burst@example.org';
    const onA = await connect(replicaA, courierToken(courierEmail));
    const onB = await connect(replicaB, courierToken(courierEmail));
    const customer = await connect(replicaA, customerToken('burst-customer@example.org'));
    const orderId = await store.placeOrder(customerToken('burst-customer@example.org'));
    await pickUp(onA, courierEmail, orderId);
    await onB.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === orderId));
    await sleep(RATE_WINDOW_MS);

    const acks = await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 ? onB : onA, fixAt(1000 - i))));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
    for (const ack of acks.filter((a) => !a.ok)) {
      expect(ack).toMatchObject({ ok: false, error: 'rate_limited' });
      const retry = (ack as { retryInMs: number }).retryInMs;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(1000);
    }
    await sleep(500);
    expect(customer.positions).toHaveLength(1);
    await sleep(RATE_WINDOW_MS);
    expect(await send(onB, fixAt(900))).toEqual({ ok: true, orders: 1 });
    expect(onA.client.socket.connected && onB.client.socket.connected).toBe(true);
  });

  it('gives a customer who connects mid-delivery the latest position at once, and none after COMPLETE', async () => {
    const email = 'latecomer@example.org';
    const courierEmail = 'latecomer-rider@example.org';
    const courier = await connect(replicaA, courierToken(courierEmail));
    const orderId = await store.placeOrder(customerToken(email), { deliveryLocation: destination });
    await pickUp(courier, courierEmail, orderId);
    await sleep(RATE_WINDOW_MS);
    expect((await send(courier, fixAt(3000))).ok).toBe(true);
    await sleep(RATE_WINDOW_MS);
    const latest = fixAt(2500);
    expect((await send(courier, latest)).ok).toBe(true);

    const late = await connect(replicaB, customerToken(email));
    await waitUntil(() => late.positions.length === 1, 2000);
    expect(late.positions[0]).toMatchObject({ orderId, lat: latest.lat, at: latest.at });
    const ttl = await redis.ttl(lastPositionKey(orderId));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);

    await store.deliver(customerToken(email), orderId);
    await late.waitFor((events) => events.some((e) => e.status === 'COMPLETE'));
    await expect.poll(() => redis.exists(lastPositionKey(orderId)), { timeout: 3000 }).toBe(0);
    const afterwards = await connect(replicaA, customerToken(email));
    await sleep(300);
    expect(afterwards.positions).toEqual([]);
  });
});
