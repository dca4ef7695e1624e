import { UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { seedProducts, signTestToken } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);

describe('GET /status (contract §4.3)', () => {
  let h: OrderTestHarness;
  let apple: number;
  let milk: number;
  let odd: number;
  let plain: number;
  const ana = customerToken('ana@example.org');

  beforeAll(async () => {
    h = await startOrderApps('order_status');
    [apple, milk, odd, plain] = await seedProducts(h.dataSource, [
      { name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
      { name: 'Odd, "quoted" | name', price: 0.1, categories: ['A,B', 'x"y', 'Ünïcødé ✓', 'a|b'] },
      { name: 'Uncategorised', price: 3.3 },
    ]);
  });
  afterAll(() => h?.close());

  const place = async (token: string, requests: Array<{ id: number; quantity: number }>) => {
    const response = await h.customer.post('/order', { requests }, { token });
    expect(response.status).toBe(200);
    return response.body.id as number;
  };

  it('answers 401 to a missing or wrong-role token', async () => {
    for (const token of [undefined, signTestToken('ana@example.org', 'courier')]) {
      const response = await h.customer.get('/status', { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ msg: UNAUTHORIZED_MESSAGE });
    }
  });

  it('answers {"orders": []} to a customer without orders, even with a JSON body on the GET', async () => {
    const response = await h.customer.get('/status', {
      token: customerToken('nobody@example.org'),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"orders":[]}');
  });

  it("lists only the token subject's orders, oldest first, in the exact shape", async () => {
    const first = await place(ana, [
      { id: apple, quantity: 4 },
      { id: milk, quantity: 1 },
    ]);
    await place(customerToken('ben@example.org'), [{ id: milk, quantity: 9 }]);
    const second = await place(ana, [
      { id: odd, quantity: 3 },
      { id: plain, quantity: 1 },
      { id: odd, quantity: 2 },
    ]);
    expect(second).toBeGreaterThan(first);

    const response = await h.customer.get('/status', { token: ana });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['orders']);
    const orders = response.body.orders;
    expect(orders).toHaveLength(2);
    for (const order of orders) {
      expect(Object.keys(order).sort()).toEqual(['price', 'products', 'status', 'timestamp']);
      expect(order.status).toBe('CREATED');
      expect(order.timestamp).toMatch(TIMESTAMP);
      expect(Math.abs(Date.parse(order.timestamp) - Date.now())).toBeLessThan(5000);
      for (const item of order.products)
        expect(Object.keys(item).sort()).toEqual(['categories', 'name', 'price', 'quantity']);
    }
    expect(orders[0].price).toBe(7);
    expect(orders[0].products.sort(byName)).toEqual([
      { categories: expect.arrayContaining(['Fruit', 'Organic']), name: 'Apple', price: 1.25, quantity: 4 },
      { categories: ['Dairy'], name: 'Milk', price: 2, quantity: 1 },
    ]);
    expect(orders[0].products[0].categories).toHaveLength(2);
    expect(orders[1].price).toBe(3.8);
    expect(orders[1].products.sort(byName)).toEqual([
      {
        categories: expect.arrayContaining(['A,B', 'x"y', 'Ünïcødé ✓', 'a|b']),
        name: 'Odd, "quoted" | name',
        price: 0.1,
        quantity: 5,
      },
      { categories: [], name: 'Uncategorised', price: 3.3, quantity: 1 },
    ]);
    expect(orders[1].products[0].categories).toHaveLength(4);
  });

  it('totals exactly in decimal, stored and shown (1133.34 × 3 is 3400.02)', async () => {
    const [lamp, cent] = await seedProducts(h.dataSource, [
      { name: 'Lamp', price: 1133.34 },
      { name: 'Cent', price: 0.01 },
    ]);
    const eve = customerToken('eve@example.org');
    const id = await place(eve, [
      { id: lamp, quantity: 3 },
      { id: cent, quantity: 7 },
    ]);
    const response = await h.customer.get('/status', { token: eve });
    expect(response.body.orders[0].price).toBe(3400.09);
    expect(response.text).toContain('"price":3400.09,');
    const [stored] = await h.dataSource.query('SELECT total FROM orders WHERE id = ?', [id]);
    expect(stored.total).toBe(3400.09);
  });

  it('matches the customer email case-insensitively', async () => {
    const response = await h.customer.get('/status', { token: customerToken('ANA@Example.ORG') });
    expect(response.body.orders).toHaveLength(2);
  });

  it('shows the status after pick-up and delivery', async () => {
    const id = await place(customerToken('cy@example.org'), [{ id: milk, quantity: 1 }]);
    const status = async () =>
      (await h.customer.get('/status', { token: customerToken('cy@example.org') })).body.orders[0].status;
    expect(await status()).toBe('CREATED');
    await h.courier.post('/pick_up_order', { id }, { token: signTestToken('dan@example.org', 'courier') });
    expect(await status()).toBe('PENDING');
    await h.customer.post('/delivered', { id }, { token: customerToken('cy@example.org') });
    expect(await status()).toBe('COMPLETE');
  });

  it('reads a fixed number of queries however many orders the customer has', async () => {
    // Count the SELECTs this app's DataSource sends while serving one /status request: every
    // query passes through its logger (global server counters would also count other test files).
    const logger = h.dataSource.logger;
    const originalLogQuery = logger.logQuery.bind(logger);
    const selectsFor = async (email: string, expectedOrders: number) => {
      let selects = 0;
      logger.logQuery = (query, ...rest) => {
        if (/^\s*SELECT/i.test(query)) selects++;
        return originalLogQuery(query, ...rest);
      };
      try {
        const response = await h.customer.get('/status', { token: customerToken(email) });
        expect(response.body.orders).toHaveLength(expectedOrders);
      } finally {
        logger.logQuery = originalLogQuery;
      }
      return selects;
    };
    const order = [
      { id: apple, quantity: 1 },
      { id: milk, quantity: 2 },
    ];
    await place(customerToken('one@example.org'), order);
    for (let i = 0; i < 15; i++) await place(customerToken('many@example.org'), order);
    const forOne = await selectsFor('one@example.org', 1);
    const forMany = await selectsFor('many@example.org', 15);
    expect(forOne).toBe(3); // history version + orders + items with categories
    expect(forMany).toBe(forOne); // not one query per order
    // Unchanged history: the serialised answer is reused after one version probe.
    expect(await selectsFor('many@example.org', 15)).toBe(1);
  });
});
