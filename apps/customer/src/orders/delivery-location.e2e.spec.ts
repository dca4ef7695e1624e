import { Messages } from '@shopwire/contracts';
import { countOrderRows, seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierToken, customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

/** Issue 12: the optional `deliveryLocation` of POST /order, additive to contract §4.2/§4.3. */
describe('POST /order deliveryLocation and its /status field', () => {
  let h: OrderTestHarness;
  let apple: number;

  beforeAll(async () => {
    h = await startOrderApps('delivery_location');
    [apple] = await seedProducts(h.dataSource, [{ name: 'Apple', price: 1.25, categories: ['Fruit'] }]);
  });
  afterAll(() => h?.close());

  const order = (token: string, body: unknown) => h.customer.post('/order', body, { token });
  const status = async (token: string) => (await h.customer.get('/status', { token })).body.orders;

  it.each<[string, unknown]>([
    ['a string', '44.8,20.4'],
    ['an array', [44.8, 20.4]],
    ['lat missing', { lng: 20.4 }],
    ['lat a numeric string', { lat: '44.8', lng: 20.4 }],
    ['lat above 90', { lat: 90.0001, lng: 0 }],
    ['lng below -180', { lat: 0, lng: -180.5 }],
    ['lat null', { lat: null, lng: 1 }],
    ['an empty object', {}],
  ])('refuses %s with 400 "Invalid delivery location." and writes nothing', async (_label, deliveryLocation) => {
    const before = await countOrderRows(h.dataSource);
    const response = await order(customerToken('bad-location@example.org'), {
      requests: [{ id: apple, quantity: 1 }],
      deliveryLocation,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: Messages.invalidDeliveryLocation });
    expect(await countOrderRows(h.dataSource)).toEqual(before);
  });

  it('checks the location only after every contract check, in their order', async () => {
    const token = customerToken('order-of-checks@example.org');
    const deliveryLocation = { lat: 'x' };
    const cases: Array<[unknown, string]> = [
      [{ deliveryLocation }, Messages.fieldMissing('requests')],
      [{ requests: [{ quantity: 1 }], deliveryLocation }, Messages.productIdMissing(0)],
      [{ requests: [{ id: apple, quantity: 0 }], deliveryLocation }, Messages.invalidProductQuantity(0)],
      [{ requests: [{ id: 999_999, quantity: 1 }], deliveryLocation }, Messages.invalidProduct(0)],
    ];
    for (const [body, message] of cases) expect((await order(token, body)).body).toEqual({ message });
  });

  it('stores the location and shows it on that order only; orders without one keep the core shape', async () => {
    const token = customerToken('located@example.org');
    const located = await order(token, {
      requests: [{ id: apple, quantity: 2 }],
      deliveryLocation: { lat: 44.8125, lng: 20.4612, label: 'ignored' },
    });
    expect(located.status).toBe(200);
    expect(Object.keys(located.body)).toEqual(['id']);
    const plain = await order(token, { requests: [{ id: apple, quantity: 1 }], deliveryLocation: null });
    expect(plain.status).toBe(200);

    const [first, second] = await status(token);
    expect(first.deliveryLocation).toEqual({ lat: 44.8125, lng: 20.4612 });
    expect(Object.keys(first)).toEqual(['products', 'price', 'status', 'timestamp', 'deliveryLocation']);
    expect(Object.keys(second)).toEqual(['products', 'price', 'status', 'timestamp']);
  });

  it('keeps the cached /status body exact across a new located order and a pick-up', async () => {
    const token = customerToken('cache@example.org');
    await order(token, { requests: [{ id: apple, quantity: 1 }] });
    expect((await status(token)).map((o: { deliveryLocation?: unknown }) => o.deliveryLocation)).toEqual([undefined]);

    const placed = await order(token, {
      requests: [{ id: apple, quantity: 1 }],
      deliveryLocation: { lat: -33.9, lng: 151.2 },
    });
    let orders = await status(token);
    expect(orders.map((o: { deliveryLocation?: unknown }) => o.deliveryLocation)).toEqual([
      undefined,
      { lat: -33.9, lng: 151.2 },
    ]);

    await h.courier.post('/pick_up_order', { id: placed.body.id }, { token: courierToken('c@example.org') });
    orders = await status(token);
    expect(orders[1]).toMatchObject({ status: 'PENDING', deliveryLocation: { lat: -33.9, lng: 151.2 } });
  });
});
