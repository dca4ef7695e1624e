import { randomBytes } from 'node:crypto';
import { loadConfig } from '@shopwire/config';
import {
  createTestDatabase,
  httpClient,
  listenForTest,
  signTestToken,
  testEnv,
  type HttpClient,
  type RunningTestApp,
} from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierConfigSchema } from '../../../courier/src/courier.config.js';
import { createCourierApp } from '../../../courier/src/create-courier-app.js';
import { createCustomerApp } from '../../../customer/src/create-customer-app.js';
import { customerConfigSchema } from '../../../customer/src/customer.config.js';
import { startWorker, type RunningWorker } from '../../../worker/src/create-worker-app.js';
import { workerConfigSchema } from '../../../worker/src/worker.config.js';
import { StoreFixtures } from '../../../../libs/statistics/src/test/store-fixtures.js';
import { deleteQueueKeys } from '../../../../libs/statistics/src/test/queue-keys.js';
import { waitFor } from '../../../../libs/statistics/src/test/wait-for.js';
import { createOwnerApp } from '../create-owner-app.js';
import { ownerConfigSchema } from '../owner.config.js';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const CUSTOMER = signTestToken('ana@example.org', 'customer');
const COURIER = signTestToken('dan@example.org', 'courier');

describe('worked example §7 over HTTP: owner, customer, courier apps and the worker', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string> | undefined;
  const apps: RunningTestApp[] = [];
  let owner: HttpClient;
  let customer: HttpClient;
  let courier: HttpClient;
  let worker: RunningWorker;
  let store: StoreFixtures;

  async function expectStatistics(products: unknown[], categories: string[]): Promise<void> {
    expect((await owner.get('/product_statistics', { token: OWNER })).body).toEqual({ statistics: products });
    expect((await owner.get('/category_statistics', { token: OWNER })).body).toEqual({ statistics: categories });
  }

  beforeAll(async () => {
    db = await createTestDatabase('stats_example');
    env = testEnv({
      STORE_DATABASE_URL: db.url,
      BULLMQ_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      WORKER_PORT: '0',
      HOST: '127.0.0.1',
    });
    apps.push(await listenForTest(await createOwnerApp(loadConfig(ownerConfigSchema, env))));
    apps.push(await listenForTest(await createCustomerApp(loadConfig(customerConfigSchema, env))));
    apps.push(await listenForTest(await createCourierApp(loadConfig(courierConfigSchema, env))));
    [owner, customer, courier] = apps.map((app) => httpClient(app.url));
    worker = await startWorker(loadConfig(workerConfigSchema, env));
    store = StoreFixtures.open(db.url);
  });
  afterAll(async () => {
    await worker?.close();
    await store?.close();
    await Promise.all(apps.map((app) => app.close()));
    await db?.drop();
    if (env) await deleteQueueKeys(env.BULLMQ_PREFIX);
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
