import { httpClient, seedProducts } from '@shopwire/testing';
import { expect } from 'vitest';
import type { SecurityStack } from './security-stack.js';

/** Product names made of the characters that trip SQL and LIKE handling. */
export const HOSTILE_PRODUCT_NAMES = [
  "O'Reilly",
  '100% juice',
  'a_b',
  'back\\slash',
  '"quoted"',
  'semi;colon--',
  '🍎 Äpfel',
];

export interface StoreFixture {
  productIds: number[];
  /** Orders by status, all placed by `customerEmail`. */
  created: number[];
  pending: number[];
  complete: number[];
}

/**
 * Seeds products (hostile names included) and, over real HTTP, orders in every status, so that
 * fuzzed ids hit existing rows in each state.
 */
export async function seedStore(
  stack: SecurityStack,
  customerToken: string,
  courierToken: string,
): Promise<StoreFixture> {
  const productIds = await seedProducts(
    stack.storeDataSource(),
    HOSTILE_PRODUCT_NAMES.map((name, i) => ({ name, price: 1.25 + i, categories: ['Fruit', `Cat %_${i}`] })),
  );
  const customer = httpClient(stack.url('customer'));
  const courier = httpClient(stack.url('courier'));
  const orders: number[] = [];
  for (let i = 0; i < 6; i++) {
    const placed = await customer.post(
      '/order',
      { requests: [{ id: productIds[i], quantity: i + 1 }] },
      { token: customerToken },
    );
    expect(placed.status, placed.text).toBe(200);
    orders.push(placed.body.id);
  }
  for (const id of orders.slice(2)) {
    expect((await courier.post('/pick_up_order', { id }, { token: courierToken })).status).toBe(200);
  }
  for (const id of orders.slice(4)) {
    expect((await customer.post('/delivered', { id }, { token: customerToken })).status).toBe(200);
  }
  return { productIds, created: orders.slice(0, 2), pending: orders.slice(2, 4), complete: orders.slice(4) };
}
