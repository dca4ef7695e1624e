import type { OrderDetails } from '@shopwire/contracts';
import { signTestToken } from '@shopwire/testing';
import { startStoreStack, type StoreStack } from './store-stack.js';

/** The customer and courier apps over real HTTP on one fresh store database (e2e tests only). */
export type OrderTestHarness = StoreStack;

export function startOrderApps(label: string, env: Record<string, string> = {}): Promise<OrderTestHarness> {
  return startStoreStack({ label, customer: 1, courier: 1, env: { DB_POOL_SIZE: '12', ...env } });
}

export const customerToken = (email: string) => signTestToken(email, 'customer');
export const courierToken = (email: string) => signTestToken(email, 'courier');

/** One of the web app's order lists (`/my_orders`, `/board`, `/my_deliveries`); throws unless 200. */
export async function fetchOrderList(
  h: OrderTestHarness,
  client: 'customer' | 'courier',
  path: string,
  token: string,
): Promise<OrderDetails[]> {
  const response = await h[client].get(path, { token });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text}`);
  return response.body.orders;
}
