import { signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesOracle, StoreFixtures, startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const CUSTOMERS = ['ana@example.org', 'bea@example.org', 'cid@example.org'];
const COURIERS = ['dan@example.org', 'eve@example.org'];
const CATEGORY_NAMES = ['Fruit', 'fruit', 'Dairy', '\u{1F600}', '\uFF01', 'Z', 'é'];

type Step =
  | { kind: 'import'; categories: string[]; count: number }
  | { kind: 'order'; customer: number; picks: Array<{ product: number; quantity: number }> }
  | { kind: 'pickUp'; order: number; courier: number }
  | { kind: 'deliver'; order: number; rightCustomer: boolean }
  | { kind: 'read' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('import' as const),
    categories: fc.uniqueArray(fc.constantFrom(...CATEGORY_NAMES), { minLength: 1, maxLength: 3 }),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('order' as const),
    customer: fc.nat(CUSTOMERS.length - 1),
    picks: fc.array(fc.record({ product: fc.nat(), quantity: fc.integer({ min: 1, max: 9 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ kind: fc.constant('pickUp' as const), order: fc.nat(), courier: fc.nat(COURIERS.length - 1) }),
  fc.record({ kind: fc.constant('deliver' as const), order: fc.nat(), rightCustomer: fc.boolean() }),
  fc.constant({ kind: 'read' as const }),
);

describe('statistics under random interleavings, worker running (property)', () => {
  let stack: StoreStack;
  let api: HttpClient;
  let store: StoreFixtures;
  const oracle = new SalesOracle();
  let productSerial = 0;

  async function expectMatchesOracle(): Promise<void> {
    const products = await api.get('/product_statistics', { token: OWNER });
    const categories = await api.get('/category_statistics', { token: OWNER });
    expect(products.body).toEqual({ statistics: oracle.productStatistics() });
    expect(categories.body).toEqual({ statistics: oracle.categoryStatistics() });
  }

  async function perform(s: Step): Promise<void> {
    const pick = <T>(list: T[], index: number) => list[index % list.length];
    if (s.kind === 'import') {
      const specs = Array.from({ length: s.count }, () => ({
        name: `p${productSerial++}${pick(['', '\u{1F600}', 'É'], productSerial)}`,
        price: 1.5,
        categories: s.categories,
      }));
      const ids = await store.importProducts(specs);
      ids.forEach((id, i) => oracle.addProduct(id, specs[i].name, specs[i].categories));
    } else if (s.kind === 'order') {
      const productIds = [...oracle.products.keys()];
      if (productIds.length === 0) return;
      const items = s.picks.map((p) => ({ productId: pick(productIds, p.product), quantity: p.quantity }));
      const merged = new Map<number, number>();
      for (const item of items) merged.set(item.productId, (merged.get(item.productId) ?? 0) + item.quantity);
      const mergedItems = [...merged].map(([productId, quantity]) => ({ productId, quantity }));
      const customer = CUSTOMERS[s.customer];
      oracle.addOrder(await store.placeOrder(customer, mergedItems), customer, mergedItems);
    } else if (s.kind === 'pickUp') {
      const created = oracle.ordersIn('CREATED');
      if (created.length === 0) return;
      const order = pick(created, s.order);
      expect(await store.pickUp(order.id, COURIERS[s.courier])).toBe(true);
      oracle.setStatus(order.id, 'PENDING');
    } else if (s.kind === 'deliver') {
      const pending = oracle.ordersIn('PENDING');
      if (pending.length === 0) return;
      const order = pick(pending, s.order);
      const customer = s.rightCustomer ? order.customer.toUpperCase() : 'mallory@example.org';
      expect(await store.deliver(order.id, customer)).toBe(s.rightCustomer);
      if (s.rightCustomer) oracle.setStatus(order.id, 'COMPLETE');
    } else {
      await expectMatchesOracle();
    }
  }

  beforeAll(async () => {
    stack = await startStoreStack({
      label: 'stats_property',
      owner: 1,
      worker: true,
      env: { STATS_BATCH_SIZE: '3', STATS_CATCH_UP_EVERY_MS: '1000' },
    });
    api = stack.owner;
    store = StoreFixtures.open(stack.db.url, stack.env.REDIS_URL);
  });
  afterAll(async () => {
    await store?.close();
    await stack?.close();
  });

  it('always equals a brute-force oracle, and the worker converges to it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        for (const s of steps) await perform(s);
        await expectMatchesOracle();
      }),
      { numRuns: 30 },
    );
    await waitFor('the worker to apply every event', async () => (await store.unappliedEvents()) === 0);
    await expectMatchesOracle();
    const [aggregates] = await store.pool.query(
      'SELECT p.name, s.sold, s.waiting FROM product_sales s JOIN products p ON p.id = s.product_id',
    );
    const applied = (aggregates as Array<{ name: string; sold: number; waiting: number }>)
      .map((r) => ({ name: r.name, sold: Number(r.sold), waiting: Number(r.waiting) }))
      .filter((r) => r.sold !== 0 || r.waiting !== 0);
    const expected = oracle.productStatistics().filter((r) => r.sold !== 0 || r.waiting !== 0);
    expect(applied.sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual(
      expected.sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });
});
