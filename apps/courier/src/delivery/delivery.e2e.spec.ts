import { Messages, UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { countOrderRows, readOrderEvents, seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierToken, customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

describe('courier endpoints (contract §5)', () => {
  let h: OrderTestHarness;
  let milk: number;
  const dan = courierToken('dan@example.org');

  beforeAll(async () => {
    h = await startOrderApps('delivery');
    [milk] = await seedProducts(h.dataSource, [{ name: 'Milk', price: 2, categories: ['Dairy'] }]);
  });
  afterAll(() => h?.close());

  const placeOrder = async (email: string) =>
    (await h.customer.post('/order', { requests: [{ id: milk, quantity: 1 }] }, { token: customerToken(email) })).body
      .id as number;
  const pickUp = (body: unknown, token = dan) => h.courier.post('/pick_up_order', body, { token });

  describe('GET /orders_to_deliver (§5.1)', () => {
    it('answers 401 to a missing or wrong-role token', async () => {
      for (const token of [undefined, customerToken('ana@example.org')]) {
        const response = await h.courier.get('/orders_to_deliver', { token });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ msg: UNAUTHORIZED_MESSAGE });
      }
    });

    it('lists every CREATED order of every customer, ascending id, exactly {id, email}', async () => {
      expect((await h.courier.get('/orders_to_deliver', { token: dan })).text).toBe('{"orders":[]}');
      const a = await placeOrder('ana@example.org');
      const b = await placeOrder('Ben@Example.org');
      const c = await placeOrder('ana@example.org');
      expect((await pickUp({ id: b })).status).toBe(200);
      const response = await h.courier.get('/orders_to_deliver', {
        token: dan,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        orders: [
          { id: a, email: 'ana@example.org' },
          { id: c, email: 'ana@example.org' },
        ],
      });
      expect(response.text).toBe(
        `{"orders":[{"id":${a},"email":"ana@example.org"},{"id":${c},"email":"ana@example.org"}]}`,
      );
      await pickUp({ id: a });
      await pickUp({ id: c });
    });
  });

  describe('POST /pick_up_order (§5.2)', () => {
    it('answers 401 before reading the body', async () => {
      for (const token of [undefined, customerToken('dan@example.org')]) {
        const response = await h.courier.post('/pick_up_order', { id: 'x' }, { token });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ msg: UNAUTHORIZED_MESSAGE });
      }
    });

    it.each<[string, unknown, string]>([
      ['no body', undefined, Messages.missingOrderId],
      ['invalid JSON', '{"id":', Messages.missingOrderId],
      ['id null', { id: null }, Messages.missingOrderId],
      ['id a numeric string', { id: '1' }, Messages.invalidOrderId],
      ['id negative', { id: -1 }, Messages.invalidOrderId],
      ['id boolean', { id: true }, Messages.invalidOrderId],
      ['no such order', { id: 999_999 }, Messages.invalidOrderId],
      ['id beyond INT range', { id: 10_000_000_000 }, Messages.invalidOrderId],
    ])('refuses %s', async (_label, body, message) => {
      const response = await pickUp(body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message });
    });

    it('moves CREATED → PENDING, records the courier, and refuses a repeat without writing', async () => {
      const id = await placeOrder('ana@example.org');
      const response = await pickUp({ id: id * 1.0 });
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      const [order] = await h.dataSource.query('SELECT status, courier_email FROM orders WHERE id = ?', [id]);
      expect(order).toEqual({ status: 'PENDING', courier_email: 'dan@example.org' });

      const before = await countOrderRows(h.dataSource);
      expect((await pickUp({ id }, courierToken('eve@example.org'))).body).toEqual({
        message: Messages.invalidOrderId,
      });
      expect(await countOrderRows(h.dataSource)).toEqual(before);
      expect((await readOrderEvents(h.dataSource, id)).map((e) => [e.status, e.courierEmail])).toEqual([
        ['CREATED', null],
        ['PENDING', 'dan@example.org'],
      ]);
    });

    it('refuses a COMPLETE order', async () => {
      const id = await placeOrder('ana@example.org');
      await pickUp({ id });
      await h.customer.post('/delivered', { id }, { token: customerToken('ana@example.org') });
      expect((await pickUp({ id })).body).toEqual({ message: Messages.invalidOrderId });
    });

    it('lets exactly one of 10 concurrent couriers win, with exactly one PENDING event', async () => {
      const id = await placeOrder('ana@example.org');
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, n) => pickUp({ id }, courierToken(`courier${n}@example.org`))),
      );
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of responses.filter((r) => r.status !== 200)) {
        expect(loser.status).toBe(400);
        expect(loser.body).toEqual({ message: Messages.invalidOrderId });
      }
      const events = await readOrderEvents(h.dataSource, id);
      expect(events.map((e) => e.status)).toEqual(['CREATED', 'PENDING']);
      const [order] = await h.dataSource.query('SELECT courier_email FROM orders WHERE id = ?', [id]);
      expect(events[1].courierEmail).toBe(order.courier_email);
    });
  });
});
