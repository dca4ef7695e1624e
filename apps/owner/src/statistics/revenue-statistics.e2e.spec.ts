import { storeMigrations } from '@shopwire/store-data';
import { signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesOracle, StoreFixtures, startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const CUSTOMERS = ['ana@example.org', 'bea@example.org'];

/** A small deterministic generator, so a failure replays the same orders. */
function lcg(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

/**
 * GET /revenue_statistics (issue 20 item 7, ADR 0021): exact against a recount of the orders at the
 * prices they were placed with, before and after the worker applied them, and across price changes.
 */
describe('GET /revenue_statistics', () => {
  let stack: StoreStack;
  let api: HttpClient;
  let store: StoreFixtures;
  const oracle = new SalesOracle();
  const prices = new Map<number, number>();
  const random = lcg(20);

  const revenue = async () => {
    const response = await api.get('/revenue_statistics', { token: OWNER });
    expect(response.status).toBe(200);
    return response.body;
  };
  async function expectMatchesOracle(): Promise<void> {
    const body = await revenue();
    expect(body).toEqual({ statistics: oracle.revenueStatistics() });
    // Same products, same order as /product_statistics.
    const units = (await api.get('/product_statistics', { token: OWNER })).body.statistics;
    expect(body.statistics.map((entry: { name: string }) => entry.name)).toEqual(
      units.map((entry: { name: string }) => entry.name),
    );
  }
  async function applyEverything(): Promise<void> {
    const worker = await stack.startWorker();
    await waitFor('the worker to apply every event', async () => (await store.unappliedEvents()) === 0);
    await worker.close();
  }
  async function trade(orders: number): Promise<void> {
    const ids = [...prices.keys()];
    for (let i = 0; i < orders; i++) {
      const customer = CUSTOMERS[random(CUSTOMERS.length)];
      const items = Array.from({ length: 1 + random(3) }, () => ({
        productId: ids[random(ids.length)],
        quantity: 1 + random(9),
      }));
      const orderId = await store.placeOrder(customer, items);
      oracle.addOrder(
        orderId,
        customer,
        items.map((item) => ({ ...item, unitPrice: prices.get(item.productId)! })),
      );
    }
    for (const order of oracle.ordersIn('CREATED')) {
      if (random(2) === 0 && (await store.pickUp(order.id, 'dan@example.org'))) oracle.setStatus(order.id, 'PENDING');
    }
    for (const order of oracle.ordersIn('PENDING')) {
      if (random(2) === 0 && (await store.deliver(order.id, order.customer))) oracle.setStatus(order.id, 'COMPLETE');
    }
  }
  async function changePrice(productId: number, price: number): Promise<void> {
    const response = await api.post('/update_product', { id: productId, price }, { token: OWNER });
    expect(response.status).toBe(200);
    prices.set(productId, price);
  }

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_revenue', owner: 1 });
    api = stack.owner;
    store = StoreFixtures.open(stack.db.url);
  });
  afterAll(async () => {
    await store?.close();
    await stack?.close();
  });

  it('refuses anything but an owner token with the contract’s 401', async () => {
    for (const token of [
      undefined,
      signTestToken('a@example.org', 'customer'),
      signTestToken('b@example.org', 'courier'),
    ]) {
      const response = await api.get('/revenue_statistics', { token });
      expect(response.status).toBe(401);
      expect(response.text).toBe('{"msg":"Missing Authorization Header"}');
    }
  });

  it('answers an empty store with an empty list', async () => {
    expect((await api.get('/revenue_statistics', { token: OWNER })).text).toBe('{"statistics":[]}');
  });

  it('matches a recount at the prices orders were placed with, worker down and after it ran', async () => {
    const specs = [
      { name: 'Apple', price: 1.25, categories: ['Fruit'] },
      { name: 'Pear', price: 0.9, categories: ['Fruit'] },
      { name: 'Seed', price: 0.125, categories: ['Garden'] },
      { name: 'Stove', price: 1700.01, categories: ['Home'] },
      { name: 'Never sold', price: 3, categories: ['Home'] },
    ];
    const ids = await store.importProducts(specs);
    ids.forEach((id, i) => {
      oracle.addProduct(id, specs[i].name, specs[i].categories);
      if (i < 4) prices.set(id, specs[i].price);
    });
    await trade(25);
    await expectMatchesOracle();
    await applyEverything();
    await expectMatchesOracle();
  });

  it('stays exact across price changes: old orders keep their price, new ones take the new one', async () => {
    const [apple, pear, seed] = [...prices.keys()];
    await changePrice(apple, 1.3);
    await changePrice(seed, 0.333);
    await trade(20);
    await expectMatchesOracle();
    await applyEverything();
    await expectMatchesOracle();
    await changePrice(pear, 0.1);
    await changePrice(apple, 1.25); // back to an earlier price: its units add to the same aggregate row
    await trade(20);
    await expectMatchesOracle();
    await applyEverything();
    await expectMatchesOracle();
    const [{ n }] = await stack.dataSource.query(
      'SELECT COUNT(*) AS n FROM product_price_sales WHERE product_id = ? AND unit_price IN (1.25, 1.3)',
      [apple],
    );
    expect(Number(n)).toBe(2);
  });

  it('answers sums exactly where adding doubles would not (0.1 three times is 0.3)', async () => {
    const [dime] = await store.importProducts([{ name: 'Dime', price: 0.1, categories: ['Coins'] }]);
    oracle.addProduct(dime, 'Dime', ['Coins']);
    for (let i = 0; i < 3; i++) {
      const orderId = await store.placeOrder('ana@example.org', [{ productId: dime, quantity: 1 }]);
      oracle.addOrder(orderId, 'ana@example.org', [{ productId: dime, quantity: 1, unitPrice: 0.1 }]);
    }
    expect(0.1 + 0.1 + 0.1).not.toBe(0.3);
    const entry = (await revenue()).statistics.find((e: { id: number }) => e.id === dime);
    expect(entry).toEqual({ id: dime, name: 'Dime', soldRevenue: 0, waitingRevenue: 0.3 });
    await applyEverything();
    await expectMatchesOracle();
  });

  it('is rebuilt from the applied events by the migration (an existing store upgraded), pending events added on read', async () => {
    await trade(10); // some of these stay unapplied
    await stack.dataSource.query('DROP TABLE product_price_sales');
    const runner = stack.dataSource.createQueryRunner();
    try {
      const migration = storeMigrations.find((m) => m.name === 'RevenueAggregates1765200050000')!;
      await new migration().up(runner);
    } finally {
      await runner.release();
    }
    await expectMatchesOracle();
    await applyEverything();
    await expectMatchesOracle();
  });
});
