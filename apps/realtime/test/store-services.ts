import { seedProducts, type RunningTestApp } from '@shopwire/testing';
import { startStoreStack } from '@shopwire/test-support';

/** The real customer and courier services on free ports, plus helpers for the order life cycle. */
export interface StoreServices {
  customer: RunningTestApp;
  courier: RunningTestApp;
  /** Places an order of one product; `extra` is merged into the body (e.g. `deliveryLocation`). */
  placeOrder(customerToken: string, extra?: Record<string, unknown>): Promise<number>;
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
  const stack = await startStoreStack({ label: 'rt', databaseUrl: storeDatabaseUrl, customer: 1, courier: 1, env });
  const [productId] = await seedProducts(stack.dataSource, [
    { name: `Apple ${Date.now()}`, price: 1.25, categories: ['Fruit'] },
  ]);
  const [customer] = stack.apps.customer;
  const [courier] = stack.apps.courier;
  const customerHttp = stack.customer;
  const courierHttp = stack.courier;
  return {
    customer,
    courier,
    async placeOrder(token, extra = {}) {
      const body = { requests: [{ id: productId, quantity: 1 }], ...extra };
      const response = await customerHttp.post('/order', body, { token });
      expectOk('POST /order', response);
      return response.body.id as number;
    },
    async pickUp(token, orderId) {
      expectOk('POST /pick_up_order', await courierHttp.post('/pick_up_order', { id: orderId }, { token }));
    },
    async deliver(token, orderId) {
      expectOk('POST /delivered', await customerHttp.post('/delivered', { id: orderId }, { token }));
    },
    close: stack.close,
  };
}
