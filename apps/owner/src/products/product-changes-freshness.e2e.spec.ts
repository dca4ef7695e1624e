import { Messages } from '@shopwire/contracts';
import { exactTotal } from '@shopwire/ordering';
import { signTestToken, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const ANA = signTestToken('ana@example.org', 'customer');

interface StoredOrder {
  total: number;
  lines: Map<number, number>;
}

/**
 * ADR 0021: a price or sale change on the owner service is seen by the next request on EVERY
 * customer replica (search snapshot and known prices), and an order racing a change is priced by
 * one catalogue revision.
 */
describe('catalogue changes across customer replicas', () => {
  let stack: StoreStack;
  let owner: HttpClient;
  let replicas: HttpClient[];
  let tea: number;
  let jam: number;

  const update = async (body: Record<string, unknown>) => {
    const response = await owner.post('/update_product', body, { token: OWNER });
    expect(response.status).toBe(200);
  };
  const searchPrice = async (replica: HttpClient, name: string): Promise<number | undefined> => {
    const response = await replica.get(`/search?name=${name}`, { token: ANA });
    return response.body.products.find((p: { name: string }) => p.name === name)?.price;
  };
  const order = (replica: HttpClient, ids: number[]) =>
    replica.post('/order', { requests: ids.map((id) => ({ id, quantity: 3 })) }, { token: ANA });
  const stored = async (orderId: number): Promise<StoredOrder> => {
    const rows: Array<{ total: number; product_id: number; unit_price: number }> = await stack.dataSource.query(
      'SELECT o.total, i.product_id, i.unit_price FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.id = ?',
      [orderId],
    );
    return { total: rows[0].total, lines: new Map(rows.map((r) => [r.product_id, r.unit_price])) };
  };

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'catalogue_changes', owner: 1, customer: 2 });
    owner = stack.owner;
    replicas = stack.customers;
    const form = new FormData();
    form.append('file', new Blob(['Shop,Tea,1.1\nShop,Jam,2.2']), 'products.csv');
    expect((await owner.postForm('/update', form, { token: OWNER })).status).toBe(200);
    [tea, jam] = (await owner.get('/products', { token: OWNER })).body.products.map((p: { id: number }) => p.id);
  });
  afterAll(() => stack?.close());

  it('serves a new price and sale state to the very next search and order of every replica', async () => {
    for (let round = 1; round <= 3; round++) {
      // Warm both replicas: snapshot, cached search body and known prices.
      for (const replica of replicas) {
        expect(await searchPrice(replica, 'Tea')).toBeDefined();
        expect((await order(replica, [tea])).status).toBe(200);
      }
      const price = 1.1 + round;
      await update({ id: tea, price });
      for (const replica of replicas) {
        expect(await searchPrice(replica, 'Tea')).toBe(price);
        const placed = await order(replica, [tea]);
        expect((await stored(placed.body.id)).lines.get(tea)).toBe(price);
      }
      await update({ id: tea, onSale: false });
      for (const replica of replicas) {
        expect(await searchPrice(replica, 'Tea')).toBeUndefined();
        expect((await order(replica, [jam, tea])).body).toEqual({ message: Messages.invalidProduct(1) });
      }
      await update({ id: tea, onSale: true });
      for (const replica of replicas) expect((await order(replica, [tea])).status).toBe(200);
    }
  });

  it('prices an order racing two successive changes by one revision: never the older Tea with the newer Jam', async () => {
    for (let round = 0; round < 5; round++) {
      const [teaBefore, jamBefore] = [10 + round, 20 + round];
      await update({ id: tea, price: teaBefore });
      await update({ id: jam, price: jamBefore });
      const orders = Array.from({ length: 16 }, (_, i) => order(replicas[i % 2], [tea, jam]));
      const changes = (async () => {
        await update({ id: tea, price: teaBefore + 0.01 });
        await update({ id: jam, price: jamBefore + 0.01 });
      })();
      const [responses] = await Promise.all([Promise.all(orders), changes]);
      for (const response of responses) {
        expect(response.status).toBe(200);
        const { total, lines } = await stored(response.body.id);
        const [teaPrice, jamPrice] = [lines.get(tea)!, lines.get(jam)!];
        // Tea changed first, Jam after Tea's 200: a new Jam with an old Tea would be a mix.
        expect([teaBefore, teaBefore + 0.01]).toContain(teaPrice);
        expect([jamBefore, jamBefore + 0.01]).toContain(jamPrice);
        expect(jamPrice === jamBefore + 0.01 && teaPrice === teaBefore).toBe(false);
        expect(total).toBe(exactTotal([teaPrice, jamPrice].map((unitPrice) => ({ unitPrice, quantity: 3 }))));
      }
    }
  });
});
