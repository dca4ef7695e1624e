import type { OrderStatusPush } from '@shopwire/contracts';
import { signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  spawnWorkerProcess,
  startPushPipeline,
  type LocalPushService,
  type PushPipeline,
  type StoreStack,
} from '@shopwire/test-support';

const token = (email: string, role: 'customer' | 'courier') => signTestToken(email, role);
const ANA = token('ana@example.org', 'customer');
const BEA = token('bea@example.org', 'customer');
const DAN = token('dan@example.org', 'courier');
const EVE = token('eve@example.org', 'courier');

/**
 * The push pipeline end to end: real customer/courier apps, the BUILT worker as its own process,
 * and a local RFC 8030 push service that verifies VAPID and decrypts every payload.
 */
describe('Web Push from committed order events (worker process, local push service)', () => {
  let pipeline: PushPipeline;
  let push: LocalPushService;
  let stack: StoreStack;
  let products: number[];
  const devices: Record<string, number> = {};

  async function subscribe(api: HttpClient, auth: string, label: string, notify = true): Promise<number> {
    const sub = push.subscribe(label);
    const response = await api.post('/push_subscribe', { ...sub, notify }, { token: auth });
    expect(response.status).toBe(200);
    devices[label] = sub.id;
    return sub.id;
  }

  async function placeOrder(auth: string): Promise<number> {
    const response = await stack.customer.post(
      '/order',
      {
        requests: [
          { id: products[0], quantity: 2 },
          { id: products[1], quantity: 1 },
        ],
      },
      { token: auth },
    );
    expect(response.status).toBe(200);
    return response.body.id;
  }

  /** Every order each accepted push of a courier device covers, via the stream positions. */
  const coveredOrders = async (device: number) => (await pipeline.newOrderPushes(device)).flat();

  const statusPushes = (device: number) => push.accepted(device).map((m) => m.payload as OrderStatusPush);
  const subscriptionCount = async () =>
    Number((await stack.dataSource.query('SELECT COUNT(*) AS n FROM push_subscriptions'))[0].n);

  beforeAll(async () => {
    pipeline = await startPushPipeline('push_worker', {
      products: [
        { name: 'Apple', price: 1.5, categories: ['Fruit'] },
        { name: 'Milk', price: 2.25, categories: ['Dairy'] },
      ],
      workerEnv: { PUSH_CATCH_UP_EVERY_MS: '500', PUSH_BACKOFF_MS: '100', PUSH_TIMEOUT_MS: '1000', PUSH_ATTEMPTS: '6' },
    });
    ({ push, stack, products } = pipeline);
  }, 120_000);

  afterAll(() => pipeline?.close());

  it('pushes a new order to opted-in courier devices and status changes to the customer’s devices', async () => {
    await subscribe(stack.courier, DAN, 'dan-phone');
    await subscribe(stack.courier, DAN, 'dan-tablet');
    await subscribe(stack.courier, EVE, 'eve-phone', false);
    await subscribe(stack.customer, ANA, 'ana-phone');
    await subscribe(stack.customer, ANA, 'ana-laptop');
    await subscribe(stack.customer, BEA, 'bea-phone');

    const orderId = await placeOrder(ANA);
    await waitFor('both of dan’s devices to be pushed the order', async () =>
      ['dan-phone', 'dan-tablet'].every((d) => push.accepted(devices[d]).length === 1),
    );
    const [created] = push.accepted(devices['dan-phone']);
    expect(created.topic).toBe('new-orders');
    expect(created.urgency).toBe('high');
    expect(created.payload).toEqual({
      type: 'orders.new',
      count: 1,
      orders: [{ orderId, items: 3, total: 2 * 1.5 + 2.25 }],
      from: expect.any(Number),
      to: expect.any(Number),
    });

    expect((await stack.courier.post('/pick_up_order', { id: orderId }, { token: DAN })).status).toBe(200);
    await waitFor('ana’s phone to be pushed PENDING', async () => push.accepted(devices['ana-phone']).length === 1);
    expect(push.accepted(devices['ana-phone'])[0].topic).toBe(`order-${orderId}`);
    expect((await stack.customer.post('/delivered', { id: orderId }, { token: ANA })).status).toBe(200);
    await waitFor('ana’s devices to be pushed PENDING and COMPLETE', async () =>
      ['ana-phone', 'ana-laptop'].every((d) => push.accepted(devices[d]).length === 2),
    );
    for (const device of ['ana-phone', 'ana-laptop']) {
      expect(statusPushes(devices[device]).map((p) => [p.type, p.orderId, p.status, p.items, p.total])).toEqual([
        ['order.status', orderId, 'PENDING', 3, 5.25],
        ['order.status', orderId, 'COMPLETE', 3, 5.25],
      ]);
    }
    // Settle, then nothing more arrives: no duplicates, nobody else was pushed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(push.accepted(devices['dan-phone'])).toHaveLength(1);
    expect(push.accepted(devices['eve-phone'])).toHaveLength(0);
    expect(push.accepted(devices['bea-phone'])).toHaveLength(0);
    expect(push.accepted(devices['ana-phone'])).toHaveLength(2);
    // No email (nor anything else personal) in any payload.
    expect(push.messages.some((m) => JSON.stringify(m.payload).includes('@'))).toBe(false);
    expect(push.errors).toEqual([]);
  });

  it('retries 429 with backoff, deletes subscriptions answered 404/410, pushes the healthy device once', async () => {
    const busy = await subscribe(stack.courier, EVE, 'eve-busy');
    const gone404 = await subscribe(stack.courier, EVE, 'eve-404');
    const gone410 = await subscribe(stack.customer, BEA, 'bea-410');
    const flaky = await subscribe(stack.customer, BEA, 'bea-flaky');
    push.respond(busy, 429, 429, 201);
    push.respond(gone404, 404);
    push.respond(gone410, 410);
    push.respond(flaky, 429, 201);
    const before = await subscriptionCount();

    const orderId = await placeOrder(BEA);
    await waitFor('the busy courier device to accept after two 429s', async () => push.accepted(busy).length === 1);
    expect(await coveredOrders(busy)).toEqual([orderId]);
    expect(push.messages.filter((m) => m.subscription === busy).map((m) => m.status)).toEqual([429, 429, 201]);

    expect((await stack.courier.post('/pick_up_order', { id: orderId }, { token: EVE })).status).toBe(200);
    await waitFor('both of bea’s live devices to get PENDING', async () =>
      [flaky, devices['bea-phone']].every((d) => push.accepted(d).length === 1),
    );
    await waitFor('the gone subscriptions to be deleted', async () => (await subscriptionCount()) === before - 2);
    const left: Array<{ endpoint: string }> = await stack.dataSource.query('SELECT endpoint FROM push_subscriptions');
    expect(left.map((r) => r.endpoint)).not.toContain(`${push.origin}/push/${gone404}`);
    expect(left.map((r) => r.endpoint)).not.toContain(`${push.origin}/push/${gone410}`);
    // The flaky device's retry did not push bea's healthy phone a second time.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(statusPushes(devices['bea-phone']).map((p) => p.status)).toEqual(['PENDING']);
    expect(statusPushes(flaky).map((p) => p.status)).toEqual(['PENDING']);
    expect(push.messages.filter((m) => m.subscription === gone404)).toHaveLength(1);

    const metrics = (await pipeline.worker!.health.get('/metrics')).text;
    expect(metrics).toMatch(/push_sends_total\{kind="courier",outcome="retry"\} 2/);
    expect(metrics).toMatch(/push_sends_total\{kind="courier",outcome="gone"\} 1/);
    expect(metrics).toMatch(/push_sends_total\{kind="customer",outcome="gone"\} 1/);
    expect(metrics).toMatch(/push_queue_jobs\{state="waiting"\} \d+/);
    expect(push.errors).toEqual([]);
  });

  it('keeps orders flowing while the push service hangs; once it recovers every order is pushed once', async () => {
    const all = Object.values(devices);
    for (const id of all) push.respond(id, 'hang');
    const started = Date.now();
    const orders: number[] = [];
    for (let n = 0; n < 20; n++) orders.push(await placeOrder(n % 2 ? ANA : BEA));
    const pickUps = await Promise.all(
      orders.slice(0, 5).map((id) => stack.courier.post('/pick_up_order', { id }, { token: DAN })),
    );
    expect(pickUps.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // 25 order requests while every push hangs: the order path never waits on a push.
    expect(Date.now() - started).toBeLessThan(10_000);
    await waitFor('pushes to be attempted against the hanging service', async () =>
      push.messages.some((m) => m.status === 'hang'),
    );

    for (const id of all) push.respond(id, 201);
    const phone = devices['dan-phone'];
    await waitFor(
      'dan’s phone to be pushed all 20 new orders',
      async () => (await coveredOrders(phone)).filter((id) => orders.includes(id)).length >= 20,
      30_000,
    );
    await waitFor(
      'the 5 PENDING pushes to reach ana’s and bea’s devices',
      async () =>
        statusPushes(devices['ana-phone']).filter((p) => orders.includes(p.orderId)).length +
          statusPushes(devices['bea-phone']).filter((p) => orders.includes(p.orderId)).length ===
        5,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const covered = await coveredOrders(phone);
    expect(covered.filter((id) => orders.includes(id)).sort((a, b) => a - b)).toEqual(
      [...orders].sort((a, b) => a - b),
    );
    expect(new Set(covered).size).toBe(covered.length);
    const pendings = ['ana-phone', 'ana-laptop', 'bea-phone'].flatMap((d) =>
      statusPushes(devices[d]).map((p) => `${d}:${p.eventId}`),
    );
    expect(new Set(pendings).size).toBe(pendings.length);
    expect(push.errors).toEqual([]);
  }, 90_000);

  it('pushes what was committed while the worker was down, after it restarts, once', async () => {
    await pipeline.worker!.stop('SIGKILL');
    pipeline.worker = undefined;
    const orders: number[] = [];
    for (let n = 0; n < 5; n++) orders.push(await placeOrder(ANA));
    expect((await stack.courier.post('/pick_up_order', { id: orders[0] }, { token: DAN })).status).toBe(200);
    const undispatched = await stack.dataSource.query(
      'SELECT COUNT(*) AS n FROM order_events WHERE push_dispatched = 0',
    );
    expect(Number(undispatched[0].n)).toBe(6);

    pipeline.worker = await spawnWorkerProcess(pipeline.workerEnv);
    const phone = devices['dan-phone'];
    await waitFor(
      'dan’s phone to be pushed the 5 orders',
      async () => (await coveredOrders(phone)).filter((id) => orders.includes(id)).length === 5,
    );
    await waitFor('ana’s phone to be pushed the pick-up', async () =>
      statusPushes(devices['ana-phone']).some((p) => p.orderId === orders[0]),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const covered = await coveredOrders(phone);
    expect(new Set(covered).size).toBe(covered.length);
    expect(statusPushes(devices['ana-phone']).filter((p) => p.orderId === orders[0])).toHaveLength(1);
    expect(push.errors).toEqual([]);
  }, 90_000);
});
