import type { Role } from '@shopwire/contracts';
import { httpClient, signTestToken } from '@shopwire/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedAuthorizations, refusedAuthorizations } from './harness/bad-tokens.js';
import type { FuzzRequest } from './harness/fuzz-request.js';
import { tokens, useSecurityStack } from './harness/security-stack.js';
import { sendRequest } from './harness/send-request.js';
import type { ServiceName } from './harness/services.js';
import { seedStore, type StoreFixture } from './harness/store-fixtures.js';

const CUSTOMER = 'matrix.customer@example.org';
const COURIER = 'matrix.courier@example.org';
const ACCOUNT = { forename: 'Mat', surname: 'Rix', email: 'matrix.account@example.org', password: 'matrix-pass-1' };
const UNAUTHORIZED_BODY = '{"msg":"Missing Authorization Header"}';

interface Protected {
  service: ServiceName;
  path: string;
  role: Role;
  method: 'GET' | 'POST';
  /** A request that would succeed (and change state, for POSTs) if the guard let it through. */
  request: () => Omit<FuzzRequest, 'headers' | 'method'> & { headers?: Record<string, string> };
}

function csvForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob(['Fruit,Matrix product,1.5']), 'products.csv');
  return form;
}

const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A protected route as `METHOD path`; `request` defaults to the bare path. */
function route(service: ServiceName, role: Role, line: string, request?: Protected['request']): Protected {
  const [method, path] = line.split(' ') as [Protected['method'], string];
  return { service, path, role, method, request: request ?? (() => ({ path })) };
}

describe('token matrix over real HTTP (contract §1.3)', () => {
  const stack = useSecurityStack('sec_tokens', ['auth', 'owner', 'customer', 'courier']);
  let store: StoreFixture;

  const endpoints: Protected[] = [
    route('auth', 'customer', 'POST /delete'),
    route('owner', 'owner', 'POST /update', () => ({ path: '/update', body: csvForm() })),
    route('owner', 'owner', 'GET /product_statistics'),
    route('owner', 'owner', 'GET /category_statistics'),
    // Not in the contract, but an owner-only surface all the same: the BullMQ dashboard's API.
    route('owner', 'owner', 'GET /queues/api/queues'),
    // The one-time ticket that opens the dashboard in a browser (ADR 0008).
    route('owner', 'owner', 'POST /queues/ticket'),
    // The owner's additive endpoints (issue 20 item 7).
    route('owner', 'owner', 'GET /orders'),
    route('owner', 'owner', 'GET /products'),
    route('owner', 'owner', 'GET /revenue_statistics'),
    route('owner', 'owner', 'POST /update_product', () => ({
      path: '/update_product',
      ...json({ id: store.productIds[0], price: 9 }),
    })),
    route('customer', 'customer', 'GET /search', () => ({ path: '/search?name=a' })),
    route('customer', 'customer', 'POST /order', () => ({
      path: '/order',
      ...json({ requests: [{ id: store.productIds[0], quantity: 1 }] }),
    })),
    route('customer', 'customer', 'GET /status'),
    route('customer', 'customer', 'POST /delivered', () => ({ path: '/delivered', ...json({ id: store.pending[0] }) })),
    route('courier', 'courier', 'GET /orders_to_deliver'),
    route('courier', 'courier', 'POST /pick_up_order', () => ({
      path: '/pick_up_order',
      ...json({ id: store.created[0] }),
    })),
  ];
  const emailFor = (endpoint: Protected) =>
    endpoint.service === 'auth' ? ACCOUNT.email : endpoint.role === 'courier' ? COURIER : CUSTOMER;

  beforeAll(async () => {
    store = await seedStore(stack, tokens.customer(CUSTOMER), tokens.courier(COURIER));
    const registered = await httpClient(stack.url('auth')).post('/register_customer', ACCOUNT);
    expect(registered.status).toBe(200);
  });

  it.each(endpoints.map((endpoint) => [`${endpoint.path} (${endpoint.service})`, endpoint] as const))(
    '%s refuses every bad token with exactly 401 {"msg": "Missing Authorization Header"} and changes nothing',
    async (_label, endpoint) => {
      // /delete accepts any of the three roles, so "wrong role" does not apply to it.
      const cases = refusedAuthorizations(endpoint.role, emailFor(endpoint)).filter(
        ([label]) => endpoint.path !== '/delete' || !label.includes('wrong role'),
      );
      const before = [await stack.authCounter!.counts(), await stack.storeCounter!.counts()];
      const wrong: string[] = [];
      for (const [label, authorization] of cases) {
        const request = endpoint.request();
        const headers = { ...request.headers, ...(authorization === undefined ? {} : { authorization }) };
        const response = await sendRequest(stack.url(endpoint.service), {
          ...request,
          method: endpoint.method,
          headers,
        });
        if (response.status !== 401 || response.text !== UNAUTHORIZED_BODY) {
          wrong.push(`${label}: ${response.status} ${response.text.slice(0, 100)}`);
        }
      }
      expect(wrong).toEqual([]);
      expect([await stack.authCounter!.counts(), await stack.storeCounter!.counts()]).toEqual(before);
    },
  );

  it('lets the very same requests through with the right token (so the refusals above are the guard)', async () => {
    for (const endpoint of endpoints) {
      const authorization = `Bearer ${signTestToken(emailFor(endpoint), endpoint.role)}`;
      const request = endpoint.request();
      const response = await sendRequest(stack.url(endpoint.service), {
        ...request,
        method: endpoint.method,
        headers: { ...request.headers, authorization },
      });
      expect({ path: endpoint.path, status: response.status }).toEqual({ path: endpoint.path, status: 200 });
    }
  });

  it.each(endpoints.filter((endpoint) => endpoint.method === 'GET').map((e) => [e.path, e] as const))(
    '%s accepts a fresh token and tokens inside the 60 s leeway',
    async (_path, endpoint) => {
      for (const [label, authorization] of acceptedAuthorizations(endpoint.role, emailFor(endpoint))) {
        const response = await sendRequest(stack.url(endpoint.service), {
          ...endpoint.request(),
          method: endpoint.method,
          headers: { authorization },
        });
        expect({ label, status: response.status }).toEqual({ label, status: 200 });
      }
    },
  );

  it.each([
    ['/register_customer', { ...ACCOUNT, email: 'public.endpoint@example.org' }],
    ['/login', { email: 'onlymoney@gmail.com', password: 'evenmoremoney' }],
  ])('public %s ignores a forged Authorization header', async (path, body) => {
    const response = await httpClient(stack.url('auth')).post(path, body, {
      headers: { authorization: `Bearer ${refusedAuthorizations('owner', 'x@y.zz')[5][1]}` },
    });
    expect(response.status).toBe(200);
  });

  it("accepts a deleted account's unexpired token on the store side (contract §2.3), refuses it at /delete", async () => {
    const auth = httpClient(stack.url('auth'));
    const customer = httpClient(stack.url('customer'));
    const account = { ...ACCOUNT, email: 'soon.deleted@example.org' };
    expect((await auth.post('/register_customer', account)).status).toBe(200);
    const token = (await auth.post('/login', account)).body.accessToken as string;
    const placed = await customer.post('/order', { requests: [{ id: store.productIds[0], quantity: 1 }] }, { token });
    expect(placed.status).toBe(200);

    expect((await auth.post('/delete', undefined, { token })).status).toBe(200);

    const status = await customer.get('/status', { token });
    expect(status.status).toBe(200);
    expect(status.body.orders).toHaveLength(1);
    expect(
      (await customer.post('/order', { requests: [{ id: store.productIds[0], quantity: 1 }] }, { token })).status,
    ).toBe(200);
    expect((await auth.post('/delete', undefined, { token })).body).toEqual({ message: 'Unknown user.' });
    expect((await auth.post('/login', account)).body).toEqual({ message: 'Invalid credentials.' });
  });
});
