import { Messages, OWNER_ORDERS_LIMIT, type OwnerOrder } from '@shopwire/contracts';
import { signTestToken, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreFixtures, startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** GET /orders on the owner service (issue 20 item 7, docs/api.md). */
describe('GET /orders (owner)', () => {
  let stack: StoreStack;
  let owner: HttpClient;
  let store: StoreFixtures;
  let apple: number;
  let milk: number;

  const list = async (query = ''): Promise<OwnerOrder[]> => {
    const response = await owner.get(`/orders${query}`, { token: OWNER });
    expect(response.status).toBe(200);
    return response.body.orders;
  };

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_orders', owner: 1 });
    owner = stack.owner;
    store = StoreFixtures.open(stack.db.url);
    [apple, milk] = await store.importProducts([
      { name: 'Apple', price: 1.25, categories: ['Fruit'] },
      { name: 'Milk', price: 2, categories: ['Dairy'] },
    ]);
  });
  afterAll(async () => {
    await store?.close();
    await stack?.close();
  });

  it('refuses anything but an owner token with the contract’s 401, before the query', async () => {
    for (const token of [
      undefined,
      signTestToken('a@example.org', 'customer'),
      signTestToken('b@example.org', 'courier'),
    ]) {
      const response = await owner.get('/orders?status=nonsense', { token });
      expect(response.status).toBe(401);
      expect(response.text).toBe('{"msg":"Missing Authorization Header"}');
    }
  });

  it('answers an empty store with no orders', async () => {
    expect((await owner.get('/orders', { token: OWNER })).text).toBe('{"orders":[]}');
  });

  it.each([
    ['?status=', Messages.invalidStatus],
    ['?status=created', Messages.invalidStatus],
    ['?status=DELIVERED', Messages.invalidStatus],
    ['?status=COMPLETE,PENDING', Messages.invalidStatus],
    ['?before=0', Messages.invalidBefore],
    ['?before=abc', Messages.invalidBefore],
    ['?before=-3', Messages.invalidBefore],
    ['?status=x&before=y', Messages.invalidStatus],
  ])('answers 400 for %s', async (query, message) => {
    const response = await owner.get(`/orders${query}`, { token: OWNER });
    expect(response.status).toBe(400);
    expect(response.text).toBe(JSON.stringify({ message }));
  });

  it('lists every customer’s orders newest first with status, times, total, customer, courier and lines', async () => {
    const first = await store.placeOrder('ana@example.org', [
      { productId: apple, quantity: 4 },
      { productId: milk, quantity: 1 },
    ]);
    const second = await store.placeOrder('carl@example.org', [{ productId: milk, quantity: 2 }]);
    const third = await store.placeOrder('ana@example.org', [{ productId: apple, quantity: 1 }]);
    await store.pickUp(first, 'bob@example.org');
    await store.deliver(first, 'ana@example.org');
    await store.pickUp(second, 'dora@example.org');

    const orders = await list();
    expect(orders.map((o) => o.id)).toEqual([third, second, first]);
    const [newest, picked, delivered] = orders;
    expect(Object.keys(delivered)).toEqual([
      'id',
      'status',
      'placedAt',
      'pickedUpAt',
      'deliveredAt',
      'total',
      'customer',
      'courier',
      'items',
    ]);
    expect(delivered).toMatchObject({
      status: 'COMPLETE',
      total: 7,
      customer: 'ana@example.org',
      courier: 'bob@example.org',
      items: [
        { id: apple, name: 'Apple', price: 1.25, quantity: 4 },
        { id: milk, name: 'Milk', price: 2, quantity: 1 },
      ],
    });
    for (const at of [delivered.placedAt, delivered.pickedUpAt, delivered.deliveredAt]) expect(at).toMatch(ISO_MS);
    expect(picked).toMatchObject({ status: 'PENDING', courier: 'dora@example.org', deliveredAt: null, total: 4 });
    expect(picked.pickedUpAt).toMatch(ISO_MS);
    expect(newest).toMatchObject({ status: 'CREATED', courier: null, pickedUpAt: null, deliveredAt: null });

    expect((await list('?status=CREATED')).map((o) => o.id)).toEqual([third]);
    expect((await list('?status=PENDING')).map((o) => o.id)).toEqual([second]);
    expect((await list('?status=COMPLETE&status=CREATED')).map((o) => o.id)).toEqual([first]);
    expect((await list(`?before=${third}`)).map((o) => o.id)).toEqual([second, first]);
    expect((await list(`?status=CREATED&before=${third}`)).map((o) => o.id)).toEqual([]);
    expect((await list('?before=10000000000')).map((o) => o.id)).toEqual([third, second, first]);
  });

  it(`answers at most ${OWNER_ORDERS_LIMIT} orders; before= pages on to the rest`, async () => {
    for (let i = 0; i < OWNER_ORDERS_LIMIT; i++)
      await store.placeOrder('bulk@example.org', [{ productId: milk, quantity: 1 }]);
    const all: number[] = (await stack.dataSource.query('SELECT id FROM orders ORDER BY id DESC')).map(
      (row: { id: number }) => row.id,
    );
    const page = await list();
    expect(page.map((o) => o.id)).toEqual(all.slice(0, OWNER_ORDERS_LIMIT));
    const next = await list(`?before=${page.at(-1)!.id}`);
    expect(next.map((o) => o.id)).toEqual(all.slice(OWNER_ORDERS_LIMIT));
  });
});
