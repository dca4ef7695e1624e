import { Messages } from '@shopwire/contracts';
import { OrderEventsSubscriber } from '@shopwire/ordering';
import { countOrderRows, readOrderEvents, seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierToken, customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

const ana = customerToken('ana@example.org');
const dan = courierToken('dan@example.org');

describe('order life cycle (contract §6, §7 steps 3–6)', () => {
  let h: OrderTestHarness;
  let subscriber: OrderEventsSubscriber;
  const published: number[] = [];
  let apple: number;
  let milk: number;

  beforeAll(async () => {
    h = await startOrderApps('lifecycle');
    [apple, , milk] = await seedProducts(h.dataSource, [
      { name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'] },
      { name: 'Pear', price: 0.9, categories: ['Fruit'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
    ]);
    subscriber = new OrderEventsSubscriber(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    await subscriber.subscribe((signal) => {
      if (signal.kind === 'committed' && signal.eventId !== undefined) published.push(signal.eventId);
    });
  });
  afterAll(async () => {
    await subscriber?.close();
    await h?.close();
  });

  /** Other test files publish on the same channel: wait for this very event id. */
  async function expectPublished(eventId: number): Promise<void> {
    await expect.poll(() => published.includes(eventId), { timeout: 3000 }).toBe(true);
  }

  it('walks CREATED → PENDING → COMPLETE with one event and one published id per change', async () => {
    const placed = await h.customer.post(
      '/order',
      {
        requests: [
          { id: apple, quantity: 4 },
          { id: milk, quantity: 1 },
        ],
      },
      { token: ana },
    );
    expect(placed.status).toBe(200);
    const k: number = placed.body.id;
    const status = async () => (await h.customer.get('/status', { token: ana })).body.orders;
    expect(await status()).toMatchObject([{ status: 'CREATED', price: 7 }]);
    const [created] = await readOrderEvents(h.dataSource, k);
    await expectPublished(created.id);

    expect((await h.courier.get('/orders_to_deliver', { token: dan })).body).toEqual({
      orders: [{ id: k, email: 'ana@example.org' }],
    });
    expect((await h.courier.post('/pick_up_order', { id: k }, { token: dan })).status).toBe(200);
    expect((await h.courier.post('/pick_up_order', { id: k }, { token: dan })).body).toEqual({
      message: Messages.invalidOrderId,
    });
    expect((await h.courier.get('/orders_to_deliver', { token: dan })).body).toEqual({ orders: [] });
    expect(await status()).toMatchObject([{ status: 'PENDING' }]);

    expect((await h.customer.post('/delivered', { id: k }, { token: ana })).status).toBe(200);
    expect(await status()).toMatchObject([{ status: 'COMPLETE', price: 7 }]);

    const events = await readOrderEvents(h.dataSource, k);
    expect(events).toEqual([
      { id: created.id, orderId: k, customerEmail: 'ana@example.org', status: 'CREATED', courierEmail: null },
      {
        id: expect.any(Number),
        orderId: k,
        customerEmail: 'ana@example.org',
        status: 'PENDING',
        courierEmail: 'dan@example.org',
      },
      {
        id: expect.any(Number),
        orderId: k,
        customerEmail: 'ana@example.org',
        status: 'COMPLETE',
        courierEmail: 'dan@example.org',
      },
    ]);
    expect(events[1].id).toBeGreaterThan(events[0].id);
    expect(events[2].id).toBeGreaterThan(events[1].id);
    await expectPublished(events[1].id);
    await expectPublished(events[2].id);
  });

  it('documents every order endpoint in OpenAPI', async () => {
    const customerDocs = (await h.customer.get('/docs-json')).body;
    const courierDocs = (await h.courier.get('/docs-json')).body;
    expect(Object.keys(customerDocs.paths)).toEqual(expect.arrayContaining(['/order', '/status', '/delivered']));
    expect(Object.keys(courierDocs.paths)).toEqual(expect.arrayContaining(['/orders_to_deliver', '/pick_up_order']));
    expect(customerDocs.paths['/order'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
  });

  it('writes no event when the transition rolls back', async () => {
    const k = (await h.customer.post('/order', { requests: [{ id: milk, quantity: 1 }] }, { token: ana })).body.id;
    // Make the event insert of this pick-up fail inside the transaction, after the UPDATE ran.
    await h.dataSource.query(
      `CREATE TRIGGER refuse_pick_up BEFORE INSERT ON order_events FOR EACH ROW
       BEGIN IF NEW.order_id = ${Number(k)} AND NEW.status = 'PENDING' THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'; END IF; END`,
    );
    try {
      const before = await countOrderRows(h.dataSource);
      const response = await h.courier.post('/pick_up_order', { id: k }, { token: dan });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ message: Messages.internalError });
      const [order] = await h.dataSource.query('SELECT status, courier_email FROM orders WHERE id = ?', [k]);
      expect(order).toEqual({ status: 'CREATED', courier_email: null });
      expect(await countOrderRows(h.dataSource)).toEqual(before);
    } finally {
      await h.dataSource.query('DROP TRIGGER refuse_pick_up');
    }
    expect((await h.courier.post('/pick_up_order', { id: k }, { token: dan })).status).toBe(200);
  });

  it('creates nothing when the order transaction rolls back', async () => {
    await h.dataSource.query(
      `CREATE TRIGGER refuse_order BEFORE INSERT ON order_events FOR EACH ROW
       BEGIN IF NEW.customer_email = 'rollback@example.org' THEN
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'; END IF; END`,
    );
    try {
      const before = await countOrderRows(h.dataSource);
      const response = await h.customer.post(
        '/order',
        {
          requests: [
            { id: milk, quantity: 1 },
            { id: apple, quantity: 2 },
          ],
        },
        { token: customerToken('rollback@example.org') },
      );
      expect(response.status).toBe(500);
      expect(await countOrderRows(h.dataSource)).toEqual(before);
    } finally {
      await h.dataSource.query('DROP TRIGGER refuse_order');
    }
  });
});

describe('with Redis unreachable', () => {
  let h: OrderTestHarness;
  let milk: number;

  beforeAll(async () => {
    h = await startOrderApps('lifecycle_noredis', { REDIS_URL: 'redis://127.0.0.1:1' });
    [milk] = await seedProducts(h.dataSource, [{ name: 'Milk', price: 2 }]);
  });
  afterAll(() => h?.close());

  it('still places, picks up and delivers orders promptly (events are written, nothing published)', async () => {
    const started = Date.now();
    const placed = await h.customer.post('/order', { requests: [{ id: milk, quantity: 1 }] }, { token: ana });
    expect(placed.status).toBe(200);
    expect((await h.courier.post('/pick_up_order', { id: placed.body.id }, { token: dan })).status).toBe(200);
    expect((await h.customer.post('/delivered', { id: placed.body.id }, { token: ana })).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await readOrderEvents(h.dataSource, placed.body.id)).map((e) => e.status)).toEqual([
      'CREATED',
      'PENDING',
      'COMPLETE',
    ]);
  });
});
