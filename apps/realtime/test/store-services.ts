import { loadConfig } from '@shopwire/config';
import { seedProducts } from '@shopwire/ordering';
import { openStoreDatabase } from '@shopwire/store-data';
import { httpClient, listenForTest, testEnv, type RunningTestApp } from '@shopwire/testing';
import { courierConfigSchema } from '../../courier/src/courier.config.js';
import { createCourierApp } from '../../courier/src/create-courier-app.js';
import { createCustomerApp } from '../../customer/src/create-customer-app.js';
import { customerConfigSchema } from '../../customer/src/customer.config.js';

/** The real customer and courier services on free ports, plus helpers for the order life cycle. */
export interface StoreServices {
  customer: RunningTestApp;
  courier: RunningTestApp;
  placeOrder(customerToken: string): Promise<number>;
  pickUp(courierToken: string, orderId: number): Promise<void>;
  deliver(customerToken: string, orderId: number): Promise<void>;
  close(): Promise<void>;
}

function expectOk(what: string, response: { status: number; text: string }): void {
  if (response.status !== 200) throw new Error(`${what} answered ${response.status}: ${response.text}`);
}

export async function startStoreServices(
  storeDatabaseUrl: string,
  env: Record<string, string> = {},
): Promise<StoreServices> {
  const overrides = testEnv({ STORE_DATABASE_URL: storeDatabaseUrl, ...env });
  const customer = await listenForTest(await createCustomerApp(loadConfig(customerConfigSchema, overrides)));
  const courier = await listenForTest(await createCourierApp(loadConfig(courierConfigSchema, overrides)));
  const seeding = await openStoreDatabase(storeDatabaseUrl, 2);
  const [productId] = await seedProducts(seeding, [
    { name: `Apple ${Date.now()}`, price: 1.25, categories: ['Fruit'] },
  ]);
  await seeding.destroy();
  const customerHttp = httpClient(customer.url);
  const courierHttp = httpClient(courier.url);
  return {
    customer,
    courier,
    async placeOrder(token) {
      const response = await customerHttp.post('/order', { requests: [{ id: productId, quantity: 1 }] }, { token });
      expectOk('POST /order', response);
      return response.body.id as number;
    },
    async pickUp(token, orderId) {
      expectOk('POST /pick_up_order', await courierHttp.post('/pick_up_order', { id: orderId }, { token }));
    },
    async deliver(token, orderId) {
      expectOk('POST /delivered', await customerHttp.post('/delivered', { id: orderId }, { token }));
    },
    async close() {
      await customer.close();
      await courier.close();
    },
  };
}
