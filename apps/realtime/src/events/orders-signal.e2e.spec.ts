import { connectRealtime } from '@shopwire/realtime-client';
import { seedProducts, signTestToken, waitUntil } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';
import { connectOwner as connectAs } from '../../test/owner-connection.js';

const INTERVAL_MS = 1000;
const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const COURIER = signTestToken('courier@example.org', 'courier');
const customer = (email: string) => signTestToken(email, 'customer');
const connectOwner = (url: string) => connectAs(url, OWNER);

/**
 * `orders.changed` (issue 20 item 7) over real sockets: real customer and courier services write,
 * a realtime replica tails the committed events and signals owners on every order event, throttled.
 */
describe('orders.changed for owners', () => {
  let stack: StoreStack;
  let productId: number;
  let realtimeUrl: string;

  const order = async (email: string) => {
    const response = await stack.customer.post(
      '/order',
      { requests: [{ id: productId, quantity: 1 }] },
      {
        token: customer(email),
      },
    );
    expect(response.status).toBe(200);
    return response.body.id as number;
  };
  const latestEventId = async () =>
    Number((await stack.dataSource.query('SELECT MAX(id) AS id FROM order_events'))[0].id);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    stack = await startStoreStack({
      label: 'rt_orders',
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
