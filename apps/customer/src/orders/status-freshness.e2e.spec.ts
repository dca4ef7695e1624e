import { seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierToken, customerToken, startStoreStack, type StoreStack } from '@shopwire/test-support';

/**
 * `/status` serves cached bodies after a version probe shared by concurrent requests (ADR 0012).
 * Whatever is in flight on whichever replica, a change committed before a request must be in its
 * answer: reads on both replicas keep probes in flight while orders are placed and picked up.
 */
describe('GET /status freshness across replicas, under concurrent reads', () => {
  let h: StoreStack;
  let milk: number;
  const eve = customerToken('eve@example.org');

  beforeAll(async () => {
    h = await startStoreStack({ label: 'status_fresh', customer: 2, courier: 1, env: { DB_POOL_SIZE: '12' } });
    [milk] = await seedProducts(h.dataSource, [{ name: 'Milk', price: 2, categories: ['Dairy'] }]);
  });
  afterAll(() => h?.close());

  const statusesOnBothReplicas = async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => h.customers[i % 2].get('/status', { token: eve })),
    );
    return responses.map((r) => (r.body.orders as Array<{ status: string }>).map((o) => o.status).join(','));
  };

  it('shows every order and status change committed before the request, on every replica', async () => {
    const statuses: string[] = []; // of eve's orders, oldest first, as /status must show them now
    for (let round = 0; round < 6; round++) {
      const background = statusesOnBothReplicas();
      const placed = await h.customers[round % 2].post(
        '/order',
        { requests: [{ id: milk, quantity: 1 }] },
        { token: eve },
      );
      expect(placed.status).toBe(200);
      statuses.push('CREATED');
      expect(new Set(await statusesOnBothReplicas())).toEqual(new Set([statuses.join(',')]));

      const pickedUp = await h.courier.post(
        '/pick_up_order',
        { id: placed.body.id },
        { token: courierToken('c@x.org') },
      );
      expect(pickedUp.status).toBe(200);
      statuses[round] = 'PENDING';
      expect(new Set(await statusesOnBothReplicas())).toEqual(new Set([statuses.join(',')]));
      await background;
    }
  });

  it('answers each customer of one shared probe with its own orders, emails case-insensitively', async () => {
    const counts = [1, 2, 3];
    const emails = counts.map((_, i) => `multi${i}@example.org`);
    for (const [i, count] of counts.entries()) {
      for (let n = 0; n < count; n++) {
        const placed = await h.customers[0].post(
          '/order',
          { requests: [{ id: milk, quantity: n + 1 }] },
          { token: customerToken(emails[i]) },
        );
        expect(placed.status).toBe(200);
      }
    }
    // Concurrent requests of several customers (and spellings) share probes on one replica.
    const asked = [...emails, ...emails.map((e) => e.toUpperCase()), 'nobody-multi@example.org'];
    const responses = await Promise.all(
      asked.flatMap((email) => [0, 1, 2].map(() => h.customers[0].get('/status', { token: customerToken(email) }))),
    );
    responses.forEach((response, i) => {
      const email = asked[Math.floor(i / 3)];
      const index = emails.indexOf(email.toLowerCase());
      const expected = index === -1 ? 0 : counts[index];
      expect(response.status).toBe(200);
      expect(response.body.orders).toHaveLength(expected);
      expect(
        response.body.orders.map((o: { products: Array<{ quantity: number }> }) => o.products[0].quantity),
      ).toEqual(Array.from({ length: expected }, (_, n) => n + 1));
    });
  });
});
