import { dropDatabase } from '@shopwire/database';
import { Messages } from '@shopwire/contracts';
import { seedProducts, statementsSentDuring } from '@shopwire/testing';
import { openStoreDatabase } from '@shopwire/store-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

/** ADR 0014: the customer app keeps the prices it has read; they must never outlive their store. */
describe('POST /order with prices kept in memory', () => {
  let h: OrderTestHarness;
  const ana = customerToken('ana@example.org');

  beforeAll(async () => {
    h = await startOrderApps('known_prices');
  });
  afterAll(() => h?.close());

  const order = (productId: number, quantity = 1) =>
    h.customer.post('/order', { requests: [{ id: productId, quantity }] }, { token: ana });
  const storedTotal = async (orderId: number) =>
    Number((await h.dataSource.query('SELECT total FROM orders WHERE id = ?', [orderId]))[0].total);

  it('sends one statement (START, order with items, event, COMMIT) — and no price query — once a price is known', async () => {
    const [tea] = await seedProducts(h.dataSource, [{ name: 'Tea', price: 4.1 }]);
    expect((await order(tea)).status).toBe(200); // reads the price
    const { result: response, sent } = await statementsSentDuring(h.dataSource, () => order(tea, 3));
    expect(response.status).toBe(200);
    expect(await storedTotal(response.body.id)).toBe(12.3);
    expect(sent).toEqual(['BEGIN NOT']);
  });

  it('does not remember a missing product: it is found once imported', async () => {
    const [last] = await h.dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM products');
    const next = Number(last.id) + 1;
    const refused = await order(next);
    expect(refused.body).toEqual({ message: Messages.invalidProduct(0) });
    expect(await seedProducts(h.dataSource, [{ name: 'Late', price: 7 }])).toEqual([next]);
    const placed = await order(next, 2);
    expect(placed.status).toBe(200);
    expect(await storedTotal(placed.body.id)).toBe(14);
  });

  it('orders racing an import see the product with its price or not at all', async () => {
    const [last] = await h.dataSource.query('SELECT COALESCE(MAX(id), 0) AS id FROM products');
    const next = Number(last.id) + 1;
    const [imported, ...responses] = await Promise.all([
      seedProducts(h.dataSource, [{ name: 'Racing', price: 0.1 }]),
      ...Array.from({ length: 20 }, () => order(next, 3)),
    ]);
    expect(imported).toEqual([next]);
    for (const response of responses) {
      if (response.status === 400) expect(response.body).toEqual({ message: Messages.invalidProduct(0) });
      else {
        expect(response.status).toBe(200);
        expect(await storedTotal(response.body.id)).toBe(0.3);
      }
    }
    expect((await order(next)).status).toBe(200);
  });

  it('refuses with the contract’s 400, writing nothing, a known price whose product is gone (a restore)', async () => {
    const [gone] = await seedProducts(h.dataSource, [{ name: 'Gone', price: 3 }]);
    const unknown = gone + 1_000;
    // Refused for its second line, but the first one's price is now known to the app.
    const refused = await h.customer.post(
      '/order',
      {
        requests: [
          { id: gone, quantity: 1 },
          { id: unknown, quantity: 1 },
        ],
      },
      { token: ana },
    );
    expect(refused.body).toEqual({ message: Messages.invalidProduct(1) });
    await h.dataSource.query('DELETE FROM products WHERE id = ?', [gone]); // as a restore to an earlier point would
    const [before] = await h.dataSource.query('SELECT COUNT(*) AS n FROM orders');
    const response = await order(gone);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: Messages.invalidProduct(0) });
    const [after] = await h.dataSource.query('SELECT COUNT(*) AS n FROM orders');
    expect(Number(after.n)).toBe(Number(before.n));
  });

  // Last: it replaces the store under the running app.
  it('uses the new store’s price after a reset reuses a product id', async () => {
    const [oldId] = await seedProducts(h.dataSource, [{ name: 'Old', price: 9.99 }]);
    expect((await order(oldId)).status).toBe(200); // 9.99 is now known for this id
    await dropDatabase(h.db.url);
    await (await openStoreDatabase(h.db.url)).destroy();
    const ids = await seedProducts(
      h.dataSource,
      Array.from({ length: oldId }, (_, i) => ({ name: `New ${i}`, price: 0.5 })),
    );
    expect(ids).toContain(oldId);
    const placed = await order(oldId, 2);
    expect(placed.status).toBe(200);
    expect(await storedTotal(placed.body.id)).toBe(1);
    const [item] = await h.dataSource.query('SELECT unit_price FROM order_items WHERE order_id = ?', [placed.body.id]);
    expect(Number(item.unit_price)).toBe(0.5);
  });
});
