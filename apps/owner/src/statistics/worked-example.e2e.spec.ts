import { signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreFixtures, startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const CUSTOMER = signTestToken('ana@example.org', 'customer');
const COURIER = signTestToken('dan@example.org', 'courier');

describe('worked example §7 over HTTP: owner, customer, courier apps and the worker', () => {
  let stack: StoreStack;
  let owner: HttpClient;
  let customer: HttpClient;
  let courier: HttpClient;
  let store: StoreFixtures;

  async function expectStatistics(products: unknown[], categories: string[]): Promise<void> {
    expect((await owner.get('/product_statistics', { token: OWNER })).body).toEqual({ statistics: products });
    expect((await owner.get('/category_statistics', { token: OWNER })).body).toEqual({ statistics: categories });
  }

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'stats_example', owner: 1, customer: 1, courier: 1, worker: true });
    ({ owner, customer, courier } = stack);
    store = StoreFixtures.open(stack.db.url);
  });
  afterAll(async () => {
    await store?.close();
    await stack?.close();
  });

  it('answers steps 4 and 6 exactly, before and after the worker applied the events', async () => {
    const form = new FormData();
    const csv = 'Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2';
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'products.csv');
    expect((await owner.postForm('/update', form, { token: OWNER })).status).toBe(200);

    const products = (await customer.get('/search', { token: CUSTOMER })).body.products as Array<{
      id: number;
      name: string;
    }>;
    const id = (name: string) => products.find((p) => p.name === name)!.id;
    const placed = await customer.post(
      '/order',
      {
        requests: [
          { id: id('Apple'), quantity: 4 },
          { id: id('Milk'), quantity: 1 },
        ],
      },
      { token: CUSTOMER },
    );
    expect(placed.status).toBe(200);

    // Step 4 — read at once (whatever the worker did so far), then once it applied everything.
    const step4 = [
      { name: 'Apple', sold: 0, waiting: 4 },
      { name: 'Milk', sold: 0, waiting: 1 },
    ];
    await expectStatistics(step4, ['Dairy', 'Fruit', 'Organic']);
    await waitFor('the worker to apply the order', async () => (await store.unappliedEvents()) === 0);
    await expectStatistics(step4, ['Dairy', 'Fruit', 'Organic']);

    // Step 5, then step 6.
    expect((await courier.post('/pick_up_order', { id: placed.body.id }, { token: COURIER })).status).toBe(200);
    expect((await customer.post('/delivered', { id: placed.body.id }, { token: CUSTOMER })).status).toBe(200);
    const step6 = [
      { name: 'Apple', sold: 4, waiting: 0 },
      { name: 'Milk', sold: 1, waiting: 0 },
    ];
    await expectStatistics(step6, ['Fruit', 'Organic', 'Dairy']);
    await waitFor('the worker to apply the delivery', async () => (await store.unappliedEvents()) === 0);
    await expectStatistics(step6, ['Fruit', 'Organic', 'Dairy']);
  });
});
