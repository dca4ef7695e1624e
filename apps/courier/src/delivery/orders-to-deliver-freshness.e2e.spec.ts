import { seedProducts } from '@shopwire/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierToken, customerToken, startStoreStack, type StoreStack } from '@shopwire/test-support';

/**
 * `/orders_to_deliver` shares one query among concurrent requests (ADR 0012). Whatever is in
 * flight on whichever replica, an order placed or picked up before a request must show in it.
 */
describe('GET /orders_to_deliver freshness across replicas, under concurrent reads', () => {
  let h: StoreStack;
  let milk: number;
  const dan = courierToken('dan@example.org');

  beforeAll(async () => {
    h = await startStoreStack({ label: 'board_fresh', customer: 1, courier: 2, env: { DB_POOL_SIZE: '12' } });
    [milk] = await seedProducts(h.dataSource, [{ name: 'Milk', price: 2, categories: ['Dairy'] }]);
  });
  afterAll(() => h?.close());

  const boardsOnBothReplicas = async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => h.couriers[i % 2].get('/orders_to_deliver', { token: dan })),
    );
    for (const r of responses) expect(r.status).toBe(200);
    return new Set(responses.map((r) => r.text));
  };
  const board = (ids: number[]) => JSON.stringify({ orders: ids.map((id) => ({ id, email: 'fay@example.org' })) });

  it('lists every order placed and drops every order picked up before the request, on every replica', async () => {
    const waiting: number[] = [];
    for (let round = 0; round < 6; round++) {
      const background = boardsOnBothReplicas();
      const placed = await h.customer.post(
        '/order',
        { requests: [{ id: milk, quantity: 1 }] },
        { token: customerToken('fay@example.org') },
      );
      expect(placed.status).toBe(200);
      waiting.push(placed.body.id);
      expect(await boardsOnBothReplicas()).toEqual(new Set([board(waiting)]));

      // Picked up on one replica, listed by neither from then on.
      const taken = waiting.shift()!;
      expect((await h.couriers[round % 2].post('/pick_up_order', { id: taken }, { token: dan })).status).toBe(200);
      expect(await boardsOnBothReplicas()).toEqual(new Set([board(waiting)]));
      await background;
    }
  });

  it('answers concurrent requests with fewer queries than requests', async () => {
    // Every query of this replica passes through its DataSource's logger.
    const logger = h.apps.courier[0].app.get(DataSource).logger;
    const originalLogQuery = logger.logQuery.bind(logger);
    let queries = 0;
    logger.logQuery = (query, ...rest) => {
      if (/FROM orders WHERE status = 'CREATED'/.test(query)) queries++;
      return originalLogQuery(query, ...rest);
    };
    try {
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => h.couriers[0].get('/orders_to_deliver', { token: dan })),
      );
      for (const r of responses) expect(r.status).toBe(200);
      expect(queries).toBeGreaterThan(0);
      expect(queries).toBeLessThan(40);
    } finally {
      logger.logQuery = originalLogQuery;
    }
  });
});
