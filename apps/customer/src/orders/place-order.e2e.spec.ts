import { Messages, UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { countOrderRows, readOrderEvents, seedProducts, signTestToken } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

describe('POST /order (contract §4.2)', () => {
  let h: OrderTestHarness;
  let apple: number;
  let milk: number;
  const ana = customerToken('ana@example.org');

  beforeAll(async () => {
    h = await startOrderApps('place_order');
    [apple, milk] = await seedProducts(h.dataSource, [
      { name: 'Apple', price: 1.25, categories: ['Fruit', 'Organic'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
    ]);
  });
  afterAll(() => h?.close());

  const order = (body: unknown, token = ana) => h.customer.post('/order', body, { token });

  it.each([
    ['no token', undefined],
    ['a courier token', signTestToken('ana@example.org', 'courier')],
    ['an owner token', signTestToken('ana@example.org', 'owner')],
    ['an expired token', signTestToken('ana@example.org', 'customer', { nbf: 1, exp: 3601 })],
  ])('answers 401 before reading the body with %s', async (_label, token) => {
    const response = await h.customer.post('/order', { requests: 'bad' }, { token });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ msg: UNAUTHORIZED_MESSAGE });
  });

  it.each<[string, unknown, string]>([
    ['no body', undefined, Messages.fieldMissing('requests')],
    ['invalid JSON', '{"requests": [', Messages.fieldMissing('requests')],
    ['a JSON array body', '[{"id":1,"quantity":1}]', Messages.fieldMissing('requests')],
    ['empty requests', { requests: [] }, Messages.fieldMissing('requests')],
    ['requests null', { requests: null }, Messages.fieldMissing('requests')],
    ['element not an object', { requests: ['x'] }, Messages.productIdMissing(0)],
    ['id missing', { requests: [{ quantity: 1 }] }, Messages.productIdMissing(0)],
    ['quantity missing', { requests: [{ id: 1 }] }, Messages.productQuantityMissing(0)],
    ['id a string', { requests: [{ id: '1', quantity: 1 }] }, Messages.invalidProductId(0)],
    ['quantity zero', { requests: [{ id: 1, quantity: 0 }] }, Messages.invalidProductQuantity(0)],
    ['quantity beyond 2^53 − 1', { requests: [{ id: 1, quantity: 1e16 }] }, Messages.invalidProductQuantity(0)],
    ['unknown product', { requests: [{ id: 999_999, quantity: 1 }] }, Messages.invalidProduct(0)],
    ['id beyond INT range', { requests: [{ id: 10_000_000_000, quantity: 1 }] }, Messages.invalidProduct(0)],
    ['id beyond double precision', { requests: [{ id: 1e300, quantity: 1 }] }, Messages.invalidProduct(0)],
  ])('refuses %s', async (_label, body, message) => {
    const before = await countOrderRows(h.dataSource);
    const response = await order(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message });
    expect(await countOrderRows(h.dataSource)).toEqual(before);
  });

  it('checks every element (2a–2d) before any product lookup (3)', async () => {
    const response = await order({
      requests: [
        { id: 999_999, quantity: 1 },
        { id: apple, quantity: -1 },
      ],
    });
    expect(response.body).toEqual({ message: Messages.invalidProductQuantity(1) });
  });

  it('checks element i fully before element i + 1', async () => {
    const response = await order({ requests: [{ id: apple, quantity: 'x' }, {}] });
    expect(response.body).toEqual({ message: Messages.invalidProductQuantity(0) });
  });

  it('names the first request whose product does not exist', async () => {
    const response = await order({
      requests: [
        { id: apple, quantity: 1 },
        { id: 999_998, quantity: 1 },
        { id: 999_999, quantity: 1 },
      ],
    });
    expect(response.body).toEqual({ message: Messages.invalidProduct(1) });
  });

  it('creates the order, its items (repeats summed, current prices) and one CREATED event', async () => {
    const response = await order(
      JSON.parse(
        `{"requests":[{"id":${apple},"quantity":4.0},{"id":${milk},"quantity":1},{"id":${apple},"quantity":2}]}`,
      ),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: expect.any(Number) });
    expect(response.text).toBe(`{"id":${response.body.id}}`);
    const id: number = response.body.id;

    const [row] = await h.dataSource.query(
      `SELECT customer_email, status, total, courier_email, TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP()) AS age
       FROM orders WHERE id = ?`,
      [id],
    );
    expect(row).toMatchObject({
      customer_email: 'ana@example.org',
      status: 'CREATED',
      total: 9.5,
      courier_email: null,
    });
    expect(Number(row.age)).toBeLessThanOrEqual(2);
    const items: Array<{ product_id: number; quantity: number | string; unit_price: number }> =
      await h.dataSource.query(
        'SELECT product_id, quantity, unit_price FROM order_items WHERE order_id = ? ORDER BY product_id',
        [id],
      );
    expect(items.map((item) => [item.product_id, Number(item.quantity), item.unit_price])).toEqual(
      [
        [apple, 6, 1.25],
        [milk, 1, 2],
      ].sort((a, b) => a[0] - b[0]),
    );
    expect(await readOrderEvents(h.dataSource, id)).toEqual([
      { id: expect.any(Number), orderId: id, customerEmail: 'ana@example.org', status: 'CREATED', courierEmail: null },
    ]);
  });

  it('gives later orders larger ids', async () => {
    const first = await order({ requests: [{ id: milk, quantity: 1 }] });
    const second = await order({ requests: [{ id: milk, quantity: 1 }] });
    expect(second.body.id).toBeGreaterThan(first.body.id);
  });

  it('stores the largest exact quantity exactly', async () => {
    const response = await order({ requests: [{ id: milk, quantity: Number.MAX_SAFE_INTEGER }] });
    expect(response.status).toBe(200);
    const [item] = await h.dataSource.query('SELECT quantity FROM order_items WHERE order_id = ?', [response.body.id]);
    expect(Number(item.quantity)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
