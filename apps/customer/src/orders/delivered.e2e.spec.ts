import { Messages, UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { countOrderRows, readOrderEvents, seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierToken, customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

describe('POST /delivered (contract §4.4)', () => {
  let h: OrderTestHarness;
  let milk: number;
  const ana = customerToken('ana@example.org');
  const dan = courierToken('dan@example.org');

  beforeAll(async () => {
    h = await startOrderApps('delivered');
    [milk] = await seedProducts(h.dataSource, [{ name: 'Milk', price: 2, categories: ['Dairy'] }]);
  });
  afterAll(() => h?.close());

  const placeOrder = async (token = ana) =>
    (await h.customer.post('/order', { requests: [{ id: milk, quantity: 1 }] }, { token })).body.id as number;
  const pickUp = async (id: number) =>
    expect((await h.courier.post('/pick_up_order', { id }, { token: dan })).status).toBe(200);
  const deliver = (body: unknown, token = ana) => h.customer.post('/delivered', body, { token });

  it('answers 401 before reading the body', async () => {
    for (const token of [undefined, dan]) {
      const response = await h.customer.post('/delivered', {}, { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ msg: UNAUTHORIZED_MESSAGE });
    }
  });

  it.each<[string, unknown, string]>([
    ['no body', undefined, Messages.missingOrderId],
    ['id null', { id: null }, Messages.missingOrderId],
    ['id a string', { id: '1' }, Messages.invalidOrderId],
    ['id zero', { id: 0 }, Messages.invalidOrderId],
    ['id fractional', { id: 1.5 }, Messages.invalidOrderId],
    ['no such order', { id: 999_999 }, Messages.invalidOrderId],
    ['id beyond INT range', { id: 10_000_000_000 }, Messages.invalidOrderId],
  ])('refuses %s', async (_label, body, message) => {
    const response = await deliver(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message });
  });

  it('refuses an order still CREATED, another customer’s order, and a second delivery; changes nothing', async () => {
    const created = await placeOrder();
    const before = await countOrderRows(h.dataSource);
    expect((await deliver({ id: created })).body).toEqual({ message: Messages.invalidOrderId });

    const bens = await placeOrder(customerToken('ben@example.org'));
    await pickUp(bens);
    const beforeOther = await countOrderRows(h.dataSource);
    expect((await deliver({ id: bens })).body).toEqual({ message: Messages.invalidOrderId });
    expect(await countOrderRows(h.dataSource)).toEqual(beforeOther);
    expect(before.events + 2).toBe(beforeOther.events);

    const [row] = await h.dataSource.query('SELECT status FROM orders WHERE id = ?', [bens]);
    expect(row.status).toBe('PENDING');
  });

  it('completes a PENDING order of the token subject (email case-insensitive), once', async () => {
    const id = await placeOrder();
    await pickUp(id);
    const response = await deliver({ id }, customerToken('Ana@EXAMPLE.org'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect((await deliver({ id })).body).toEqual({ message: Messages.invalidOrderId });
    expect((await readOrderEvents(h.dataSource, id)).map((e) => [e.status, e.customerEmail, e.courierEmail])).toEqual([
      ['CREATED', 'ana@example.org', null],
      ['PENDING', 'ana@example.org', 'dan@example.org'],
      ['COMPLETE', 'ana@example.org', 'dan@example.org'],
    ]);
  });

  it('lets exactly one of two concurrent deliveries win, with one COMPLETE event', async () => {
    const id = await placeOrder();
    await pickUp(id);
    const responses = await Promise.all([deliver({ id }), deliver({ id })]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(responses.find((r) => r.status === 400)?.body).toEqual({ message: Messages.invalidOrderId });
    const events = await readOrderEvents(h.dataSource, id);
    expect(events.filter((e) => e.status === 'COMPLETE')).toHaveLength(1);
  });
});
