import { OrderEventsRepository } from '@shopwire/ordering';
import { SalesAggregatesRepository } from '@shopwire/statistics';
import { openStoreDatabase } from '@shopwire/store-data';
import { createTestDatabase } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesOracle, StoreFixtures } from '@shopwire/test-support';
import { OrderEventsApplier } from './order-events-applier.js';

describe('OrderEventsApplier against MariaDB', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let store: StoreFixtures;
  const oracle = new SalesOracle();

  async function appliedTotals() {
    const products: Array<{ name: string; sold: number | string; waiting: number | string }> = await dataSource.query(
      'SELECT p.name, s.sold, s.waiting FROM product_sales s JOIN products p ON p.id = s.product_id ORDER BY p.name',
    );
    const categories: Array<{ name: string; delivered: number | string }> = await dataSource.query(
      'SELECT c.name, s.delivered FROM category_sales s JOIN categories c ON c.id = s.category_id',
    );
    return {
      products: Object.fromEntries(products.map((r) => [r.name, { sold: Number(r.sold), waiting: Number(r.waiting) }])),
      categories: Object.fromEntries(categories.map((r) => [r.name, Number(r.delivered)])),
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase('stats_applier');
    dataSource = await openStoreDatabase(db.url, 8);
    store = StoreFixtures.open(db.url);
    const specs = [
      { name: 'Apple', price: 1, categories: ['Fruit', 'Organic'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
      { name: 'Bread', price: 3, categories: ['Bakery', 'Organic'] },
    ];
    const ids = await store.importProducts(specs);
    ids.forEach((id, i) => oracle.addProduct(id, specs[i].name, specs[i].categories));
    for (let n = 0; n < 120; n++) {
      const items = [
        { productId: ids[n % 3], quantity: 1 + (n % 4) },
        { productId: ids[(n + 1) % 3], quantity: 2 },
      ];
      const order = await store.placeOrder(`c${n % 5}@example.org`, items);
      oracle.addOrder(order, `c${n % 5}@example.org`, items);
      if (n % 2 === 0) {
        await store.pickUp(order, 'dan@example.org');
        oracle.setStatus(order, 'PENDING');
      }
      if (n % 4 === 0) {
        await store.deliver(order, `c${n % 5}@example.org`);
        oracle.setStatus(order, 'COMPLETE');
      }
    }
  });
  afterAll(async () => {
    await store?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('applies a backlog with concurrent appliers exactly once, and a second pass changes nothing', async () => {
    const options = { batchSize: 7, concurrency: 4, catchUpEveryMs: 1000 };
    const appliers = Array.from(
      { length: 4 },
      () =>
        new OrderEventsApplier(
          dataSource,
          options,
          new OrderEventsRepository(dataSource),
          new SalesAggregatesRepository(),
        ),
    );
    const counts = await Promise.all(appliers.map((applier) => applier.applyAll()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(120 + 60 + 30);
    expect(await store.unappliedEvents()).toBe(0);

    const expectedProducts = Object.fromEntries(
      oracle.productStatistics().map((p) => [p.name, { sold: p.sold, waiting: p.waiting }]),
    );
    const expected = { products: expectedProducts, categories: {} as Record<string, number> };
    for (const order of oracle.ordersIn('COMPLETE')) {
      for (const item of order.items) {
        for (const category of oracle.products.get(item.productId)!.categories) {
          expected.categories[category] = (expected.categories[category] ?? 0) + item.quantity;
        }
      }
    }
    expect(await appliedTotals()).toEqual(expected);

    expect(await appliers[0].applyAll()).toBe(0);
    expect(await appliedTotals()).toEqual(expected);
    const [state] = await dataSource.query('SELECT version FROM statistics_state');
    expect(Number(state.version)).toBeGreaterThanOrEqual(Math.ceil(210 / 7));
  });
});
