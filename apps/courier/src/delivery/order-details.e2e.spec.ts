import { seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  courierToken,
  customerToken,
  fetchOrderList,
  startOrderApps,
  type OrderTestHarness,
} from '@shopwire/test-support';

const ana = customerToken('ana@example.org');
const ben = customerToken('ben@example.org');
const dan = courierToken('dan@example.org');
const eve = courierToken('eve@example.org');
const UNAUTHORIZED = { msg: 'Missing Authorization Header' };

/** The web app's extension endpoints: GET /my_orders (customer), /board and /my_deliveries (courier). */
describe('order details extensions', () => {
  let h: OrderTestHarness;
  let apple: number;
  let milk: number;

  beforeAll(async () => {
    h = await startOrderApps('details');
    [apple, milk] = await seedProducts(h.dataSource, [
      { name: 'Apple', price: 1.25, categories: ['Fruit'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
    ]);
  });
  afterAll(async () => h?.close());

  const place = async (token: string, requests: { id: number; quantity: number }[]) => {
    const response = await h.customer.post('/order', { requests }, { token });
    expect(response.status).toBe(200);
    return response.body.id as number;
  };
  const list = (client: 'customer' | 'courier', path: string, token: string) => fetchOrderList(h, client, path, token);

  it('follows an order through every list with id, lines, total and the time of each step', async () => {
    const first = await place(ana, [
      { id: apple, quantity: 4 },
      { id: milk, quantity: 1 },
    ]);
    const second = await place(ben, [{ id: milk, quantity: 2 }]);

    const board = await list('courier', '/board', dan);
    expect(board.map((order) => order.id)).toEqual([second, first]);
    expect(board[1]).toMatchObject({
      id: first,
      email: 'ana@example.org',
      status: 'CREATED',
      total: 7,
      items: [
        { name: 'Apple', price: 1.25, quantity: 4 },
        { name: 'Milk', price: 2, quantity: 1 },
      ],
      pickedUpAt: null,
      deliveredAt: null,
    });
    expect(board[1].placedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    expect((await h.courier.post('/pick_up_order', { id: first }, { token: dan })).status).toBe(200);
    expect((await list('courier', '/board', eve)).map((order) => order.id)).toEqual([second]);
    const [onTheWay] = await list('courier', '/my_deliveries', dan);
    expect(onTheWay).toMatchObject({ id: first, status: 'PENDING', deliveredAt: null });
    expect(Date.parse(onTheWay.pickedUpAt!)).toBeGreaterThanOrEqual(Date.parse(onTheWay.placedAt));
    expect(await list('courier', '/my_deliveries', eve)).toEqual([]);

    expect((await h.customer.post('/delivered', { id: first }, { token: ana })).status).toBe(200);
    const [delivered] = await list('courier', '/my_deliveries', dan);
    expect(delivered).toMatchObject({ id: first, status: 'COMPLETE' });
    expect(Date.parse(delivered.deliveredAt!)).toBeGreaterThanOrEqual(Date.parse(delivered.pickedUpAt!));

    const mine = await list('customer', '/my_orders', ana);
    expect(mine).toEqual([delivered]);
    expect((await list('customer', '/my_orders', ben)).map((order) => order.id)).toEqual([second]);
  });

  it('answers the contract 401 to a missing token or the wrong role', async () => {
    for (const [client, path, wrongRole] of [
      ['customer', '/my_orders', dan],
      ['courier', '/board', ana],
      ['courier', '/my_deliveries', ana],
    ] as const) {
      for (const token of [undefined, wrongRole]) {
        const response = await h[client].get(path, token ? { token } : {});
        expect(response.status).toBe(401);
        expect(response.body).toEqual(UNAUTHORIZED);
      }
    }
  });
});
