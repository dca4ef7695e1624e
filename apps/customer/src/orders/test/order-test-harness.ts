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
import { DataSource } from 'typeorm';
import { courierConfigSchema } from '../../../../courier/src/courier.config.js';
import { createCourierApp } from '../../../../courier/src/create-courier-app.js';
import { createCustomerApp } from '../../create-customer-app.js';
import { customerConfigSchema } from '../../customer.config.js';

/** The customer and courier apps over real HTTP on one fresh store database (e2e tests only). */
export interface OrderTestHarness {
  customer: HttpClient;
  courier: HttpClient;
  /** The customer app's connection, for seeding and inspecting tables. */
  dataSource: DataSource;
  close: () => Promise<void>;
}

export async function startOrderApps(label: string, env: Record<string, string> = {}): Promise<OrderTestHarness> {
  const db = await createTestDatabase(label);
  const overrides = { STORE_DATABASE_URL: db.url, DB_POOL_SIZE: '12', ...env };
  const apps: RunningTestApp[] = [];
  try {
    apps.push(await listenForTest(await createCustomerApp(loadConfig(customerConfigSchema, testEnv(overrides)))));
    apps.push(await listenForTest(await createCourierApp(loadConfig(courierConfigSchema, testEnv(overrides)))));
  } catch (error) {
    await Promise.all(apps.map((app) => app.close()));
    await db.drop();
    throw error;
  }
  const [customerApp, courierApp] = apps;
  return {
    customer: httpClient(customerApp.url),
    courier: httpClient(courierApp.url),
    dataSource: customerApp.app.get(DataSource),
    close: async () => {
      await Promise.all(apps.map((app) => app.close()));
      await db.drop();
    },
  };
}

export const customerToken = (email: string) => signTestToken(email, 'customer');
export const courierToken = (email: string) => signTestToken(email, 'courier');
