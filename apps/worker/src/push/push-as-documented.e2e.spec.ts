import { createECDH } from 'node:crypto';
import type { NewOrdersPush, OrderStatusPush } from '@shopwire/contracts';
import { signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPushPipeline,
  type LocalPushService,
  type PushPipeline,
  type StoreStack,
  type WorkerProcess,
} from '@shopwire/test-support';

const courier = (name: string) => signTestToken(`${name}@example.org`, 'courier');
const customer = (name: string) => signTestToken(`${name}@example.org`, 'customer');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The worker's coalescing window here: its default (docs/push.md). */
const WINDOW_MS = 1000;

/**
 * What docs/push.md promises about courier pushes and key rotation, over the BUILT worker as its
 * own process and the local push service (every push's VAPID verified, its payload decrypted):
 * a device switched back on starts from the newest order; a burst is a few pushes, not one per
 * order; a subscription of another VAPID key (403) is deleted, counted and logged once.
 */
describe('Web Push as docs/push.md says (worker process, local push service)', () => {
  let pipeline: PushPipeline;
  let push: LocalPushService;
  let stack: StoreStack;
  let worker: WorkerProcess;
  let products: number[];

  async function subscribe(api: HttpClient, auth: string, sub: object, notify = true): Promise<void> {
    const response = await api.post('/push_subscribe', { ...sub, notify }, { token: auth });
    expect(response.status).toBe(200);
  }
  const placeOrder = async (auth: string): Promise<number> => {
    const response = await stack.customer.post(
      '/order',
      { requests: [{ id: products[0], quantity: 1 }] },
      { token: auth },
    );
    expect(response.status).toBe(200);
    return response.body.id;
  };
  const pushesOf = (device: number) => pipeline.newOrderPushes(device);
  const rowsOf = async (endpoints: string[]) =>
    Number(
      (
        await stack.dataSource.query('SELECT COUNT(*) AS n FROM push_subscriptions WHERE endpoint IN (?)', [endpoints])
      )[0].n,
    );

  beforeAll(async () => {
    pipeline = await startPushPipeline('push_documented', {
      products: [{ name: 'Apple', price: 1.5, categories: ['Fruit'] }],
      workerEnv: {
        // The default safety net (5 s): an order left to it would show as late below.
        PUSH_CATCH_UP_EVERY_MS: '5000',
        PUSH_BACKOFF_MS: '100',
        LOG_LEVEL: 'warn', // the key-mismatch warning is asserted
      },
    });
    ({ push, stack, products } = pipeline);
    worker = pipeline.worker!;
  }, 120_000);
  afterAll(() => pipeline?.close());

  it('a quiet shop: each order is pushed after its own commit, not with the next order or the catch-up', async () => {
    const jo = courier('jo');
    const phone = push.subscribe('jo-phone');
    await subscribe(stack.courier, jo, phone);
    await settle(WINDOW_MS);
    // Orders further apart than the window. The statistics applier locks the same new events for
    // a moment; a dispatcher that skipped them used to leave them to the next order (or 5 s).
    for (let n = 0; n < 8; n++) {
      const orderId = await placeOrder(customer('quiet'));
      const placedAt = Date.now();
      await waitFor(`order ${n} to be pushed on its own`, async () =>
        (await pushesOf(phone.id)).flat().includes(orderId),
      );
      expect(Date.now() - placedAt, `order ${n}: commit → push`).toBeLessThan(2500);
      expect((await pushesOf(phone.id)).at(-1)).toEqual([orderId]);
      await settle(WINDOW_MS + 200);
    }
    expect(push.errors).toEqual([]);
  }, 90_000);

  it('a courier device switched back on starts from the newest order, never what came while it was off', async () => {
    const fay = courier('fay');
    const phone = push.subscribe('fay-phone');
    const witness = push.subscribe('fay-witness'); // stays on: shows when the off-time order was pushed
    await subscribe(stack.courier, fay, phone);
    await subscribe(stack.courier, fay, witness);
    const before = await placeOrder(customer('ana'));
    await waitFor('the phone to be pushed the first order', async () => (await pushesOf(phone.id)).length === 1);

    await subscribe(stack.courier, fay, phone, false);
    const whileOff = await placeOrder(customer('ana'));
    await waitFor('the order placed while off to be pushed to the device that stayed on', async () =>
      (await pushesOf(witness.id)).flat().includes(whileOff),
    );
    await settle(WINDOW_MS); // a job the phone may still have had queued runs (and must send nothing)
    await subscribe(stack.courier, fay, phone, true);
    const after = await placeOrder(customer('ana'));
    await waitFor('the phone to be pushed the order placed after it was switched on', async () =>
      (await pushesOf(phone.id)).flat().includes(after),
    );
    await settle(1500);
    expect(await pushesOf(phone.id)).toEqual([[before], [after]]);
    expect(push.errors).toEqual([]);
  }, 60_000);

  it(`30 orders within a second reach a device as at most 3 pushes that cover every order once`, async () => {
    const gus = courier('gus');
    const phone = push.subscribe('gus-phone');
    const tablet = push.subscribe('gus-tablet');
    await subscribe(stack.courier, gus, phone);
    await subscribe(stack.courier, gus, tablet);
    await settle(WINDOW_MS);

    const started = Date.now();
    const orders = await Promise.all(
      Array.from({ length: 30 }, (_, n) => settle(n * 25).then(() => placeOrder(customer(`burst${n % 3}`)))),
    );
    // The claim is for a burst within a second: 3 pushes. A loaded machine can stretch the burst
    // (the apps run in this process); then the documented bound is one push per window plus two.
    const burstMs = Date.now() - started;
    const allowed = burstMs <= 1000 ? 3 : Math.ceil(burstMs / WINDOW_MS) + 2;

    for (const device of [phone, tablet]) {
      await waitFor(
        `${device.endpoint} to be pushed all 30 orders`,
        async () => {
          const covered = (await pushesOf(device.id)).flat();
          return orders.every((id) => covered.includes(id));
        },
        15_000,
      );
    }
    await settle(2 * WINDOW_MS + 500); // a push that would come late still counts
    for (const device of [phone, tablet]) {
      const pushes = await pushesOf(device.id);
      expect(pushes.length).toBeGreaterThanOrEqual(1);
      expect(pushes.length, `a burst of ${burstMs} ms`).toBeLessThanOrEqual(allowed);
      expect(pushes.flat().sort((a, b) => a - b)).toEqual([...orders].sort((a, b) => a - b));
      // Each push says how many orders it covers; the notification tag/Topic replaces the previous one.
      const payloads = push.accepted(device.id).map((m) => m.payload as NewOrdersPush);
      expect(payloads.map((p) => p.count)).toEqual(pushes.map((covered) => covered.length));
      expect(push.accepted(device.id).every((m) => m.topic === 'new-orders')).toBe(true);
    }
    expect(push.errors).toEqual([]);
  }, 60_000);

  it('deletes subscriptions of another VAPID key on the push service’s 403, counts them and logs once', async () => {
    const oldKey = createECDH('prime256v1');
    oldKey.generateKeys();
    const rotatedAway = { applicationServerKey: oldKey.getPublicKey().toString('base64url') };
    const hal = courier('hal');
    const ivy = customer('ivy');
    const halOld = [push.subscribe('hal-old-1', rotatedAway), push.subscribe('hal-old-2', rotatedAway)];
    const ivyOld = push.subscribe('ivy-old', rotatedAway);
    for (const sub of halOld) await subscribe(stack.courier, hal, sub);
    await subscribe(stack.customer, ivy, ivyOld);
    const endpoints = [...halOld, ivyOld].map((sub) => sub.endpoint);
    expect(await rowsOf(endpoints)).toBe(3);

    const orderId = await placeOrder(ivy);
    expect((await stack.courier.post('/pick_up_order', { id: orderId }, { token: hal })).status).toBe(200);
    await waitFor('the three subscriptions of the old key to be deleted', async () => (await rowsOf(endpoints)) === 0);

    // Each was tried once, answered 403, never retried or pushed again.
    await placeOrder(ivy);
    await settle(1500);
    for (const sub of [...halOld, ivyOld]) {
      expect(push.messages.filter((m) => m.subscription === sub.id).map((m) => m.status)).toEqual([403]);
    }
    const metrics = (await worker.health.get('/metrics')).text;
    expect(metrics).toMatch(/push_sends_total\{kind="courier",outcome="key_mismatch"\} 2\n/);
    expect(metrics).toMatch(/push_sends_total\{kind="customer",outcome="key_mismatch"\} 1\n/);
    expect(worker.output().match(/refused our VAPID key \(403\)/g)).toHaveLength(1);

    // The app re-subscribes with the current key: that device is pushed again.
    const renewed = push.subscribe('ivy-renewed');
    await subscribe(stack.customer, ivy, renewed);
    expect((await stack.customer.post('/delivered', { id: orderId }, { token: ivy })).status).toBe(200);
    await waitFor('the renewed subscription to be pushed the delivery', async () =>
      push.accepted(renewed.id).some((m) => (m.payload as OrderStatusPush).status === 'COMPLETE'),
    );
    expect(push.errors).toEqual([]);
  }, 60_000);
});
