import { connectRealtime } from '@shopwire/realtime-client';
import { seedProducts, signTestToken, waitUntil } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startStoreStack, type StoreStack } from '@shopwire/test-support';
import { connectOwner as connectAs } from '../../test/owner-connection.js';

const INTERVAL_MS = 1000;
const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const COURIER = signTestToken('courier@example.org', 'courier');
const customer = (email: string) => signTestToken(email, 'customer');

const connectOwner = (url: string) => connectAs(url, OWNER);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Owners' live signals over real sockets: the real customer, courier and owner services write
 * and read, a realtime replica tails the committed events and signals owners, throttled.
 */
describe('owner signals: statistics.changed and orders.changed', () => {
  let stack: StoreStack;
  let productId: number;
  let realtimeUrl: string;

  const order = async (email: string) => {
    const response = await stack.customer.post(
      '/order',
      { requests: [{ id: productId, quantity: 2 }] },
      {
        token: customer(email),
      },
    );
    expect(response.status).toBe(200);
    return response.body.id as number;
  };
  const latestEventId = async () =>
    Number((await stack.dataSource.query('SELECT MAX(id) AS id FROM order_events'))[0].id);
  const waiting = async () => {
    const response = await stack.owner.get('/product_statistics', { token: OWNER });
    return response.body.statistics.find((entry: { name: string }) => entry.name === 'Pear')?.waiting ?? 0;
  };

  beforeAll(async () => {
    stack = await startStoreStack({
      label: 'rt_stats',
      owner: 1,
      customer: 1,
      courier: 1,
      realtime: 1,
      env: { REALTIME_POLL_INTERVAL_MS: '100', REALTIME_STATISTICS_INTERVAL_MS: String(INTERVAL_MS) },
    });
    realtimeUrl = stack.urls.realtime[0]!;
    [productId] = await seedProducts(stack.dataSource, [{ name: 'Pear', price: 0.9, categories: ['Fruit'] }]);
  });
  afterAll(() => stack?.close());

  it('signals a committed order at once, and the statistics already include it; only owners hear it', async () => {
    const owner = await connectOwner(realtimeUrl);
    const shopper = await connectRecording(realtimeUrl, customer('signal@example.org'));
    let shopperSignals = 0;
    shopper.client.socket.on('statistics.changed', () => shopperSignals++);
    const before = await waiting();

    const placedAt = Date.now();
    await order('signal@example.org');
    const eventId = await latestEventId();
    await waitUntil(
      () => owner.statistics.some((s) => s.eventId >= eventId),
      5000,
      () => JSON.stringify(owner.statistics),
    );
    // Leading edge: the first change is not held back by the throttle.
    expect(owner.statistics.at(-1)!.receivedAt - placedAt).toBeLessThan(INTERVAL_MS);
    expect(await waiting()).toBe(before + 2);
    await shopper.waitFor((events) => events.some((e) => e.name === 'order.status'));
    expect(shopperSignals).toBe(0);
    expect(owner.otherEvents.filter((name) => name.startsWith('order.'))).toEqual([]);
    owner.client.close();
    shopper.close();
  });

  it('folds a burst of orders into at most one signal per interval, covering every event', async () => {
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS)); // leave the previous test's window
    const owner = await connectOwner(realtimeUrl);
    const started = Date.now();
    const orders = 40;
    for (let i = 0; i < orders; i += 8) {
      await Promise.all(Array.from({ length: 8 }, (_, j) => order(`burst${i + j}@example.org`)));
    }
    const lastId = await latestEventId();
    await waitUntil(
      () => owner.statistics.some((s) => s.eventId >= lastId),
      5000,
      () => JSON.stringify(owner.statistics),
    );
    const elapsed = Date.now() - started;

    expect(owner.statistics.reduce((sum, s) => sum + s.orderEvents, 0)).toBe(orders);
    expect(owner.statistics.length).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL_MS) + 1);
    expect(owner.statistics.length).toBeGreaterThan(1); // the burst outlasts one interval: a trailing signal
    for (let i = 1; i < owner.statistics.length; i++) {
      // Spaced by the interval when sent; received through a busy test process, so with slack.
      expect(owner.statistics[i]!.receivedAt - owner.statistics[i - 1]!.receivedAt).toBeGreaterThan(INTERVAL_MS / 2);
      expect(owner.statistics[i]!.eventId).toBeGreaterThan(owner.statistics[i - 1]!.eventId);
    }
    owner.client.close();
  });

  it('stays quiet for a pick-up (no figure changes) and signals the delivery', async () => {
    const email = 'quiet@example.org';
    const orderId = await order(email);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 200));
    const owner = await connectOwner(realtimeUrl);

    expect((await stack.courier.post('/pick_up_order', { id: orderId }, { token: COURIER })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 500));
    expect(owner.statistics).toEqual([]);

    expect((await stack.customer.post('/delivered', { id: orderId }, { token: customer(email) })).status).toBe(200);
    const completeId = await latestEventId();
    await waitUntil(() => owner.statistics.length > 0, 5000);
    expect(owner.statistics).toMatchObject([{ eventId: completeId, orderEvents: 1 }]);
    owner.client.close();
  });

  // orders.changed (issue 20 item 7): every order event, throttled independently of the statistics.
  it('signals every order event — placed, picked up, delivered — and GET /orders already shows it', async () => {
    const owner = await connectOwner(realtimeUrl);
    const email = 'live@example.org';
    const orderId = await order(email);
    const created = await latestEventId();
    await waitUntil(() => owner.orders.some((s) => s.eventId >= created), 5000);
    // The same event moves the statistics: both signals carry its id and both reach the client.
    await waitUntil(() => owner.statistics.some((s) => s.eventId >= created), 5000);
    const { receivedAt: _at, ...payload } = owner.orders.at(-1)!;
    expect(payload).toEqual({ eventId: created, occurredAt: expect.any(String) });
    expect(owner.statistics.at(-1)!.eventId).toBe(created);
    const listed = await stack.owner.get('/orders', { token: OWNER });
    expect(listed.body.orders[0]).toMatchObject({ id: orderId, status: 'CREATED' });

    await pause(INTERVAL_MS);
    const statisticsBefore = owner.statistics.length;
    expect((await stack.courier.post('/pick_up_order', { id: orderId }, { token: COURIER })).status).toBe(200);
    const pickedUp = await latestEventId();
    await waitUntil(() => owner.orders.some((s) => s.eventId >= pickedUp), 5000);
    expect((await stack.owner.get('/orders?status=PENDING', { token: OWNER })).body.orders[0].id).toBe(orderId);
    await pause(INTERVAL_MS);
    expect(owner.statistics).toHaveLength(statisticsBefore); // a pick-up moves no figure

    expect((await stack.customer.post('/delivered', { id: orderId }, { token: customer(email) })).status).toBe(200);
    const delivered = await latestEventId();
    await waitUntil(() => owner.orders.some((s) => s.eventId >= delivered), 5000);
    expect((await stack.owner.get('/orders?status=COMPLETE', { token: OWNER })).body.orders[0].id).toBe(orderId);
    owner.client.close();
  });

  it('is heard by owners only', async () => {
    const courier = connectRealtime({ url: realtimeUrl, token: COURIER, socket: { forceNew: true } });
    let heard = 0;
    courier.socket.on('orders.changed', () => heard++);
    await new Promise<void>((resolve) => courier.socket.on('ready', () => resolve()));
    await order('nobody@example.org');
    const id = await latestEventId();
    const owner = await connectOwner(realtimeUrl);
    await order('nobody@example.org');
    await waitUntil(() => owner.orders.some((s) => s.eventId > id), 5000);
    expect(heard).toBe(0);
    courier.close();
    owner.client.close();
  });

  it('folds a burst into at most one signal per interval, the last covering the newest event', async () => {
    await pause(INTERVAL_MS);
    const owner = await connectOwner(realtimeUrl);
    const started = Date.now();
    for (let i = 0; i < 40; i += 8) {
      const ids = await Promise.all(Array.from({ length: 8 }, (_, j) => order(`burst${i + j}@example.org`)));
      await Promise.all(ids.map((id) => stack.courier.post('/pick_up_order', { id }, { token: COURIER })));
    }
    const lastId = await latestEventId();
    await waitUntil(() => owner.orders.some((s) => s.eventId >= lastId), 5000);
    const elapsed = Date.now() - started;
    expect(owner.orders.length).toBeGreaterThan(1);
    expect(owner.orders.length).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL_MS) + 1);
    for (let i = 1; i < owner.orders.length; i++) {
      expect(owner.orders[i]!.receivedAt - owner.orders[i - 1]!.receivedAt).toBeGreaterThan(INTERVAL_MS / 2);
      expect(owner.orders[i]!.eventId).toBeGreaterThan(owner.orders[i - 1]!.eventId);
    }
    owner.client.close();
  });
});
