import { DEVELOPMENT_VAPID_KEYS } from '@shopwire/config';
import { incarnationOfTokenId, type NewOrdersPush, type OrderStatusPush } from '@shopwire/contracts';
import {
  createTestDatabase,
  httpClient,
  listenForTest,
  testEnv,
  waitFor,
  type HttpClient,
  type RunningTestApp,
} from '@shopwire/testing';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  StoreFixtures,
  createAppFromEnv,
  spawnWorkerProcess,
  startLocalPushService,
  startStoreStack,
  type LocalPushService,
  type StoreStack,
  type WorkerProcess,
} from '@shopwire/test-support';

const ANA = { forename: 'Ana', surname: 'Petrovic', email: 'ana.deleted@example.org', password: 'first-account' };
const DAN = { forename: 'Dan', surname: 'Courier', email: 'dan.courier@example.org', password: 'courier-pass' };

/**
 * Deletion reaches the store side without any path between the sides (ADR 0017): the real auth app
 * (its own database), the customer and courier apps, the BUILT worker as a process and the local
 * Web Push service. An account subscribes a device, is deleted, the email registers again: the
 * old device receives nothing more; the new account's own device works.
 */
describe('a re-registered email inherits nothing of its predecessor (auth, store apps, worker, push)', () => {
  let push: LocalPushService;
  let authDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let auth: RunningTestApp;
  let authApi: HttpClient;
  let stack: StoreStack;
  let worker: WorkerProcess | undefined;
  let products: number[];

  async function signIn(account: typeof ANA, path: '/register_customer' | '/register_courier'): Promise<string> {
    expect((await authApi.post(path, account)).status).toBe(200);
    const response = await authApi.post('/login', { email: account.email, password: account.password });
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  }

  async function subscribe(api: HttpClient, token: string, label: string): Promise<number> {
    const device = push.subscribe(label);
    expect((await api.post('/push_subscribe', device, { token })).status).toBe(200);
    return device.id;
  }

  async function placeOrder(token: string, idempotencyKey: string): Promise<number> {
    const response = await stack.customer.post(
      '/order',
      { requests: [{ id: products[0], quantity: 1 }] },
      { token, headers: { 'idempotency-key': idempotencyKey } },
    );
    expect(response.status).toBe(200);
    return response.body.id as number;
  }

  const statuses = (device: number) =>
    push.accepted(device).map((m) => [(m.payload as OrderStatusPush).orderId, (m.payload as OrderStatusPush).status]);

  beforeAll(async () => {
    push = await startLocalPushService({ applicationServerKey: DEVELOPMENT_VAPID_KEYS.publicKey });
    authDb = await createTestDatabase('isolation_auth');
    auth = await listenForTest(
      await createAppFromEnv('auth', testEnv({ AUTH_DATABASE_URL: authDb.url, HOST: '127.0.0.1' })),
    );
    authApi = httpClient(auth.url);
    stack = await startStoreStack({
      label: 'isolation_store',
      customer: 1,
      courier: 1,
      env: { PUSH_ENDPOINT_HOSTS: '127.0.0.1' },
    });
    const fixtures = StoreFixtures.open(stack.db.url);
    products = await fixtures.importProducts([{ name: 'Apple', price: 1.5, categories: ['Fruit'] }]);
    await fixtures.close();
    worker = await spawnWorkerProcess({
      ...stack.env,
      NODE_EXTRA_CA_CERTS: push.caFile,
      PUSH_CATCH_UP_EVERY_MS: '500',
      PUSH_BACKOFF_MS: '100',
      PUSH_TIMEOUT_MS: '1000',
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await stack?.close();
    await auth?.close();
    await authDb?.drop();
    await push?.close();
  });

  it('after /delete and a new registration: the old device receives nothing, the new one works', async () => {
    const courier = await signIn(DAN, '/register_courier');
    const courierPhone = await subscribe(stack.courier, courier, 'dan-phone');

    // The first account: a device, an order with an Idempotency-Key, a pick-up pushed to the device.
    const first = await signIn(ANA, '/register_customer');
    const oldPhone = await subscribe(stack.customer, first, 'ana-old-phone');
    const firstOrder = await placeOrder(first, 'key-1');
    expect((await stack.courier.post('/pick_up_order', { id: firstOrder }, { token: courier })).status).toBe(200);
    await waitFor('the old phone to get PENDING', async () => push.accepted(oldPhone).length === 1);

    expect((await authApi.post('/delete', undefined, { token: first })).status).toBe(200);
    const second = await signIn({ ...ANA, password: 'second-account' }, '/register_customer');
    const [firstIncarnation, secondIncarnation] = [first, second].map((t) => incarnationOfTokenId(decodeJwt(t).jti));
    expect(secondIncarnation > firstIncarnation!).toBe(true);

    // The new account sees no devices and gets no replay of the predecessor's key.
    expect((await stack.customer.get('/push_subscriptions', { token: second })).body).toEqual({ subscriptions: [] });
    const newPhone = await subscribe(stack.customer, second, 'ana-new-phone');
    const secondOrder = await placeOrder(second, 'key-1');
    expect(secondOrder).not.toBe(firstOrder);
    // A token of the deleted account is still valid for its hour (contract §2.3): what it
    // registers now stays its own and is never pushed either.
    const staleTokenDevice = await subscribe(stack.customer, first, 'ana-stale-token-device');
    expect((await stack.customer.get('/push_subscriptions', { token: second })).body.subscriptions).toHaveLength(1);

    expect((await stack.courier.post('/pick_up_order', { id: secondOrder }, { token: courier })).status).toBe(200);
    await waitFor('the new phone to get PENDING', async () => push.accepted(newPhone).length === 1);
    expect((await stack.customer.post('/delivered', { id: secondOrder }, { token: second })).status).toBe(200);
    await waitFor('the new phone to get COMPLETE', async () => push.accepted(newPhone).length === 2);
    // The predecessor's order belongs to the email (contract §2.3): its delivery is the new account's.
    expect((await stack.customer.post('/delivered', { id: firstOrder }, { token: second })).status).toBe(200);
    await waitFor(
      'the new phone to get the earlier order’s COMPLETE',
      async () => push.accepted(newPhone).length === 3,
    );
    expect(statuses(newPhone)).toEqual([
      [secondOrder, 'PENDING'],
      [secondOrder, 'COMPLETE'],
      [firstOrder, 'COMPLETE'],
    ]);
    // Settle: nothing else arrives anywhere.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(statuses(oldPhone)).toEqual([[firstOrder, 'PENDING']]);
    expect(push.accepted(staleTokenDevice)).toEqual([]);
    expect(push.accepted(courierPhone).map((m) => (m.payload as NewOrdersPush).type)).toContain('orders.new');
    const rows: Array<{ endpoint: string }> = await stack.dataSource.query('SELECT endpoint FROM push_subscriptions');
    expect(rows.map((r) => r.endpoint)).not.toContain(`${push.origin}/push/${oldPhone}`);
    expect(push.errors).toEqual([]);
  });
});
