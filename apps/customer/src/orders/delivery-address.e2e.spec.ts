import { Messages, type DeliveryAddress, type OrderDetails } from '@shopwire/contracts';
import { countOrderRows, seedProducts, statementsSentDuring } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  courierToken,
  customerToken,
  fetchOrderList,
  startOrderApps,
  type OrderTestHarness,
} from '@shopwire/test-support';

const dan = courierToken('dan@example.org');
const eve = courierToken('eve@example.org');
const address: DeliveryAddress = {
  street: 'Knez Mihailova 5',
  details: '3rd floor, door 12',
  phone: '+381 64 123 4567',
  note: 'Ring twice\nthen call',
};

/** Issue 20: `deliveryAddress` on POST /order (additive to §4.2) and who sees it in which list. */
describe('POST /order deliveryAddress and the order lists', () => {
  let h: OrderTestHarness;
  let apple: number;

  beforeAll(async () => {
    h = await startOrderApps('delivery_address');
    [apple] = await seedProducts(h.dataSource, [{ name: 'Apple', price: 1.25, categories: ['Fruit'] }]);
  });
  afterAll(() => h?.close());

  const order = (token: string, body: unknown, key?: string) =>
    h.customer.post('/order', body, { token, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const placed = async (token: string, body: Record<string, unknown>, key?: string) => {
    const response = await order(token, { requests: [{ id: apple, quantity: 1 }], ...body }, key);
    expect(response.status).toBe(200);
    return response.body.id as number;
  };
  const list = (client: 'customer' | 'courier', path: string, token: string) => fetchOrderList(h, client, path, token);
  const rows = () => countOrderRows(h.dataSource);
  const storedAddress = async (orderId: number) =>
    (await h.dataSource.query('SELECT street, details, phone, note FROM order_delivery_addresses WHERE order_id = ?', [
      orderId,
    ])) as DeliveryAddress[];

  it.each<[string, unknown, string]>([
    ['a string', 'Knez Mihailova 5', Messages.invalidDeliveryAddress],
    ['no street', { details: 'door 3' }, Messages.fieldMissing('street')],
    ['a blank street', { street: '   ' }, Messages.fieldMissing('street')],
    ['a 201-character street', { street: 'x'.repeat(201) }, Messages.invalidStreet],
    ['a street with a NUL', { street: 'a\u0000b' }, Messages.invalidStreet],
    ['details as a number', { street: 'Main 1', details: 12 }, Messages.invalidAddressDetails],
    ['a phone with letters', { street: 'Main 1', phone: 'call me' }, Messages.invalidPhone],
    ['a 501-character note', { street: 'Main 1', note: 'n'.repeat(501) }, Messages.invalidNote],
  ])('refuses %s with its exact 400 and writes nothing', async (_label, deliveryAddress, message) => {
    const before = await rows();
    const response = await order(customerToken('bad-address@example.org'), {
      requests: [{ id: apple, quantity: 1 }],
      deliveryAddress,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message });
    expect(await rows()).toEqual(before);
  });

  it('checks the address after every other check, the delivery location included', async () => {
    const token = customerToken('order-of-checks@example.org');
    const deliveryAddress = { street: '' };
    const cases: Array<[unknown, string]> = [
      [{ deliveryAddress }, Messages.fieldMissing('requests')],
      [{ requests: [{ quantity: 1 }], deliveryAddress }, Messages.productIdMissing(0)],
      [{ requests: [{ id: apple }], deliveryAddress }, Messages.productQuantityMissing(0)],
      [{ requests: [{ id: 'x', quantity: 1 }], deliveryAddress }, Messages.invalidProductId(0)],
      [{ requests: [{ id: apple, quantity: 0 }], deliveryAddress }, Messages.invalidProductQuantity(0)],
      [{ requests: [{ id: 999_999, quantity: 1 }], deliveryAddress }, Messages.invalidProduct(0)],
      [
        { requests: [{ id: apple, quantity: 1 }], deliveryLocation: { lat: 91, lng: 0 }, deliveryAddress },
        Messages.invalidDeliveryLocation,
      ],
      [
        { requests: [{ id: apple, quantity: 1 }], deliveryLocation: { lat: 1, lng: 2 }, deliveryAddress },
        Messages.fieldMissing('street'),
      ],
    ];
    for (const [body, message] of cases) expect((await order(token, body)).body).toEqual({ message });
  });

  it('stores the trimmed address with the order; absent and null mean none; answers stay the contract’s', async () => {
    const token = customerToken('stored@example.org');
    const response = await order(token, {
      requests: [{ id: apple, quantity: 2 }],
      deliveryAddress: { ...address, street: `  ${address.street} `, phone: ` ${address.phone}`, extra: 1 },
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe(`{"id":${response.body.id}}`);
    expect(await storedAddress(response.body.id)).toEqual([address]);
    const minimal = await placed(token, { deliveryAddress: { street: 'Main 1', details: '', phone: null } });
    expect(await storedAddress(minimal)).toEqual([{ street: 'Main 1', details: null, phone: null, note: null }]);
    const none = await placed(token, { deliveryAddress: null });
    expect(await storedAddress(none)).toEqual([]);

    // The contract's own views are byte-for-byte what they were: no address anywhere.
    const status = await h.customer.get('/status', { token });
    expect(status.text).not.toContain('Main 1');
    for (const o of status.body.orders) expect(Object.keys(o)).toEqual(['products', 'price', 'status', 'timestamp']);
    const toDeliver = await h.courier.get('/orders_to_deliver', { token: dan });
    expect(toDeliver.text).toBe(
      JSON.stringify({
        orders: (
          await h.dataSource.query(
            `SELECT id, customer_email AS email FROM orders WHERE status = 'CREATED' ORDER BY id`,
          )
        ).map((row: { id: number; email: string }) => ({ id: row.id, email: row.email })),
      }),
    );
  });

  it('shows the address to its customer, to no courier on the board, and to the courier who picked it up', async () => {
    const ana = customerToken('ana@example.org');
    const location = { lat: 44.816_789, lng: 20.456_123 };
    const withAddress = await placed(ana, { deliveryAddress: address, deliveryLocation: location });
    const without = await placed(ana, {});

    const mine = await list('customer', '/my_orders', ana);
    expect(mine.find((o) => o.id === withAddress)).toMatchObject({
      deliveryAddress: address,
      hasDeliveryAddress: true,
      deliveryLocation: location,
    });
    expect(mine.find((o) => o.id === without)).toMatchObject({ deliveryAddress: null, hasDeliveryAddress: false });

    const boardResponse = await h.courier.get('/board', { token: dan });
    expect(boardResponse.text).not.toContain(address.street);
    expect(boardResponse.text).not.toContain('4567');
    const board: OrderDetails[] = boardResponse.body.orders;
    expect(board.find((o) => o.id === withAddress)).toMatchObject({
      deliveryAddress: null,
      hasDeliveryAddress: true,
      deliveryLocation: { lat: 44.82, lng: 20.46 },
    });
    expect(board.find((o) => o.id === without)).toMatchObject({ deliveryAddress: null, hasDeliveryAddress: false });

    expect((await h.courier.post('/pick_up_order', { id: withAddress }, { token: dan })).text).toBe('');
    const [delivery] = (await list('courier', '/my_deliveries', dan)).filter((o) => o.id === withAddress);
    expect(delivery).toMatchObject({ deliveryAddress: address, hasDeliveryAddress: true, deliveryLocation: location });
    expect((await list('courier', '/my_deliveries', eve)).map((o) => o.id)).not.toContain(withAddress);
    expect((await list('courier', '/board', eve)).map((o) => o.id)).not.toContain(withAddress);
  });

  it('rounds the board point to 0.01° on every side of the globe', async () => {
    const token = customerToken('rounding@example.org');
    const points = [
      { sent: { lat: -33.868_51, lng: 151.209_29 }, board: { lat: -33.87, lng: 151.21 } },
      { sent: { lat: -0.001, lng: 179.999 }, board: { lat: 0, lng: 180 } },
      { sent: { lat: 51.5, lng: -0.127_76 }, board: { lat: 51.5, lng: -0.13 } },
    ];
    const ids = [];
    for (const { sent } of points) ids.push(await placed(token, { deliveryLocation: sent }));
    const board = await list('courier', '/board', dan);
    ids.forEach((id, i) => expect(board.find((o) => o.id === id)?.deliveryLocation).toEqual(points[i].board));
    const text = (await h.courier.get('/board', { token: dan })).text;
    expect(text).not.toMatch(/"lat":-0[,}]/);
  });

  it('makes the address part of the body an Idempotency-Key compares', async () => {
    const token = customerToken('idempotent@example.org');
    const body = { requests: [{ id: apple, quantity: 1 }], deliveryAddress: address };
    const first = await order(token, body, 'address-1');
    expect(first.status).toBe(200);
    const before = await rows();
    const reordered = {
      deliveryAddress: { note: address.note, phone: address.phone, details: address.details, street: address.street },
      requests: body.requests,
    };
    const again = await order(token, reordered, 'address-1');
    expect(again.text).toBe(first.text);
    expect(await rows()).toEqual(before);

    const otherAddress = await order(
      token,
      { ...body, deliveryAddress: { ...address, note: 'Leave at the door' } },
      'address-1',
    );
    expect(otherAddress.status).toBe(422);
    expect(otherAddress.body).toEqual({ message: Messages.idempotencyKeyReused });
    const withoutAddress = await order(token, { requests: body.requests }, 'address-1');
    expect(withoutAddress.status).toBe(422);

    const bad = { requests: body.requests, deliveryAddress: { street: 'Main 1', phone: 'none' } };
    expect((await order(token, bad, 'address-2')).body).toEqual({ message: Messages.invalidPhone });
    expect((await order(token, bad, 'address-2')).body).toEqual({ message: Messages.invalidPhone });
    expect(await rows()).toEqual(before);
  });

  it('writes the address in the order’s one round trip: START, order with items and address, event and COMMIT in one statement', async () => {
    const token = customerToken('round-trips@example.org');
    await placed(token, {}); // the price is known from here on
    const { result: id, sent } = await statementsSentDuring(h.dataSource, () =>
      placed(token, { deliveryAddress: address }),
    );
    expect(sent).toEqual(['BEGIN NOT']);
    expect(await storedAddress(id)).toEqual([address]);
  });
});
