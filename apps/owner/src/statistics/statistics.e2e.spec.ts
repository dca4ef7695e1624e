import { signTestToken, waitFor, type HttpClient, type RunningTestApp } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreFixtures, startStoreStack, type RunningWorker, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const ANA = 'ana@example.org';

describe('GET /product_statistics and /category_statistics (contract §3.2–3.3, §7)', () => {
  let stack: StoreStack;
  let owner: RunningTestApp;
  let api: HttpClient;
  let store: StoreFixtures;
  let worker: RunningWorker | undefined;

  /** Runs the worker until every event is applied, then stops it: answers must not change. */
  async function applyEverything(): Promise<void> {
    worker = await stack.startWorker();
    await waitFor('the worker to apply every event', async () => (await store.unappliedEvents()) === 0);
    await worker.close();
    worker = undefined;
  }

  async function statistics() {
    const [products, categories] = [
      await api.get('/product_statistics', { token: OWNER }),
      await api.get('/category_statistics', { token: OWNER }),
    ];
    expect([products.status, categories.status]).toEqual([200, 200]);
    return { products: products.body.statistics, categories: categories.body.statistics };
  }

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_stats', owner: 1 });
    [owner] = stack.apps.owner;
    api = stack.owner;
    store = StoreFixtures.open(stack.db.url);
  });
  afterAll(async () => {
    await store?.close();
    await stack?.close();
  });

  it.each(['/product_statistics', '/category_statistics', '/queues'])(
    '%s refuses anything but an owner token',
    async (path) => {
      const refused = [
        undefined,
        signTestToken(ANA, 'customer'),
        signTestToken('bob@example.org', 'courier'),
        signTestToken('onlymoney@gmail.com', 'owner', { type: 'refresh' }),
        signTestToken('onlymoney@gmail.com', 'owner', { exp: Math.floor(Date.now() / 1000) - 120 }),
        signTestToken('onlymoney@gmail.com', 'owner', {}, 'another-secret-0123456789abcdef0123456789'),
      ];
      for (const token of refused) {
        const response = await api.get(path, { token });
        expect(response.status).toBe(401);
        expect(response.text).toBe('{"msg":"Missing Authorization Header"}');
      }
    },
  );

  it('serves the queue dashboard to an owner', async () => {
    const page = await api.get('/queues', { token: OWNER });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const queues = await api.get('/queues/api/queues', { token: OWNER });
    expect(queues.status).toBe(200);
    expect(queues.text).toContain('statistics');
    expect(queues.text).toContain('push');
  });

  it('answers empty lists on an empty store', async () => {
    expect(await statistics()).toEqual({ products: [], categories: [] });
  });

  it('follows the worked example (§7 steps 4 and 6), with the worker down and after it ran', async () => {
    const [apple, , milk] = await store.importProducts([
      { name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'] },
      { name: 'Pear', price: 0.9, categories: ['Fruit'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
    ]);
    const order = await store.placeOrder(ANA, [
      { productId: apple, quantity: 4 },
      { productId: milk, quantity: 1 },
    ]);
    const step4 = {
      products: [
        { name: 'Apple', sold: 0, waiting: 4 },
        { name: 'Milk', sold: 0, waiting: 1 },
      ],
      categories: ['Dairy', 'Fruit', 'Organic'],
    };
    expect(await statistics()).toEqual(step4);
    await applyEverything();
    expect(await statistics()).toEqual(step4);

    expect(await store.pickUp(order, 'bob@example.org')).toBe(true);
    expect(await statistics()).toEqual(step4);
    expect(await store.deliver(order, ANA)).toBe(true);
    const step6 = {
      products: [
        { name: 'Apple', sold: 4, waiting: 0 },
        { name: 'Milk', sold: 1, waiting: 0 },
      ],
      categories: ['Fruit', 'Organic', 'Dairy'],
    };
    expect(await statistics()).toEqual(step6);
    await applyEverything();
    expect(await statistics()).toEqual(step6);
  });

  it('applies every rule of §3.2–3.3 and answers exact JSON', async () => {
    // Categories tie on delivered: name order by code point (U+FF01 before U+1F600, "B" before "a").
    const [bread, cake, x] = await store.importProducts([
      { name: 'Bread', price: 3, categories: ['B', 'a'] },
      { name: '\u{1F600}cake', price: 5, categories: ['\u{1F600}', '\uFF01'] },
      { name: 'Never ordered', price: 1, categories: ['Unsold'] },
    ]);
    expect(x).toBeGreaterThan(0);
    const first = await store.placeOrder('carl@example.org', [{ productId: bread, quantity: 2 }]);
    await store.placeOrder('CARL@example.org', [
      { productId: bread, quantity: 3 },
      { productId: cake, quantity: 6 },
    ]);
    await store.pickUp(first, 'bob@example.org');

    const expected = {
      // Pending (PENDING) and new (CREATED) quantities are both "waiting"; never-ordered products are absent.
      products: [
        { name: 'Apple', sold: 4, waiting: 0 },
        { name: 'Bread', sold: 0, waiting: 5 },
        { name: 'Milk', sold: 1, waiting: 0 },
        { name: '\u{1F600}cake', sold: 0, waiting: 6 },
      ],
      // Every category, delivered desc, then code-point order.
      categories: ['Fruit', 'Organic', 'Dairy', 'B', 'Unsold', 'a', '\uFF01', '\u{1F600}'],
    };
    expect(await statistics()).toEqual(expected);

    // Delivered bread counts fully in both of its categories.
    await store.deliver(first, 'carl@example.org');
    const afterDelivery = {
      products: expected.products.map((p) => (p.name === 'Bread' ? { name: 'Bread', sold: 2, waiting: 3 } : p)),
      categories: ['Fruit', 'Organic', 'B', 'a', 'Dairy', 'Unsold', '\uFF01', '\u{1F600}'],
    };
    expect(await statistics()).toEqual(afterDelivery);
    await applyEverything();
    expect(await statistics()).toEqual(afterDelivery);

    const raw = await api.get('/product_statistics', { token: OWNER, headers: { 'content-type': 'application/json' } });
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw.text).toContain('{"name":"Bread","sold":2,"waiting":3}');
    expect(raw.text).not.toMatch(/\d\.0|"\d+"/);
    expect(Object.keys(raw.body)).toEqual(['statistics']);
  });

  it('ignores a JSON body on GET', async () => {
    const response = await fetch(`${owner.url}/category_statistics`, {
      headers: { authorization: `Bearer ${OWNER}`, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });
});
