import { countOrderRows, seedProducts } from '@shopwire/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

describe('POST /order under generated bodies', () => {
  let h: OrderTestHarness;
  let productIds: number[];
  const ana = customerToken('ana@example.org');

  beforeAll(async () => {
    h = await startOrderApps('order_property');
    productIds = await seedProducts(h.dataSource, [
      { name: 'Apple', price: 1.25, categories: ['Fruit'] },
      { name: 'Huge', price: 1e300 },
    ]);
  });
  afterAll(() => h?.close());

  it('never answers 5xx; a 4xx changes nothing; a 200 adds exactly one order and one event', async () => {
    const numberLike = fc.oneof(
      fc.constantFrom(...productIds, 0, -1, 1.5, 7.0, 10_000_000_000, 2 ** 53, 1e308, Number.MAX_SAFE_INTEGER),
      fc.integer({ min: -3, max: 5 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const element = fc.oneof(
      fc.record({ id: numberLike, quantity: numberLike }, { requiredKeys: [] }),
      fc.record({ id: fc.constantFrom(...productIds), quantity: fc.integer({ min: 1, max: 1000 }) }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const body = fc.oneof(
      fc.record({ requests: fc.oneof(fc.array(element, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })) }),
      fc.jsonValue({ maxDepth: 3 }),
    );

    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const before = await countOrderRows(h.dataSource);
        const response = await h.customer.post('/order', JSON.stringify(value), { token: ana });
        const after = await countOrderRows(h.dataSource);
        expect(response.status).toBeLessThan(500);
        if (response.status === 200) {
          expect(response.body).toEqual({ id: expect.any(Number) });
          expect(after.orders).toBe(before.orders + 1);
          expect(after.events).toBe(before.events + 1);
        } else {
          expect(response.status).toBe(400);
          expect(Object.keys(response.body)).toEqual(['message']);
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
