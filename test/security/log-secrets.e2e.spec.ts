import { randomBytes } from 'node:crypto';
import { createTestDatabase, freePort, httpClient } from '@shopwire/testing';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApp, type BuiltApp, type BuiltAppName } from '@shopwire/test-support';
import webPush from 'web-push';

const JWT_SECRET = `log-test-secret-${randomBytes(24).toString('hex')}`;
// Production refuses to start push without real VAPID keys; the private one is a secret too.
const VAPID = webPush.generateVAPIDKeys();
const CUSTOMER = {
  forename: 'Log',
  surname: 'Watcher',
  email: 'log.watcher@example.org',
  password: 'Pa55-customer-secret',
};
const COURIER = { forename: 'Log', surname: 'Rider', email: 'log.rider@example.org', password: 'Pa55-courier-secret' };
// In production the owner comes from OWNER_* (ADR 0017); its password must never reach a log either.
const OWNER = { email: 'boss@shop.example', password: `owner-${randomBytes(12).toString('hex')}` };
const WRONG_PASSWORD = 'Wr0ng-password-attempt';

async function ok<Body>(what: string, response: Promise<{ status: number; text: string; body: Body }>) {
  const answer = await response;
  expect(answer.status, `${what}: ${answer.text}`).toBe(200);
  return answer.body;
}

/** Connects a live client with the token and waits for the server's `ready`. */
function connectLive(url: string, token: string): Promise<void> {
  return new Promise((done, fail) => {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    socket.on('ready', () => (socket.disconnect(), done()));
    socket.on('connect_error', (error) => (socket.disconnect(), fail(error)));
  });
}

describe('logs of the built apps at LOG_LEVEL=info hold no password, token or secret', () => {
  const apps: BuiltApp[] = [];
  const databases: Array<{ drop: () => Promise<void> }> = [];
  const urls = {} as Record<BuiltAppName, string>;
  const secrets: string[] = [
    CUSTOMER.password,
    COURIER.password,
    OWNER.password,
    WRONG_PASSWORD,
    JWT_SECRET,
    VAPID.privateKey,
  ];

  beforeAll(async () => {
    const authDb = await createTestDatabase('sec_logs_auth');
    const storeDb = await createTestDatabase('sec_logs_store');
    databases.push(authDb, storeDb);
    const common = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      JWT_SECRET,
      AUTH_DATABASE_URL: authDb.url,
      STORE_DATABASE_URL: storeDb.url,
      BULLMQ_PREFIX: `sec-logs-${randomBytes(4).toString('hex')}`,
      DB_POOL_SIZE: '4',
      VAPID_PUBLIC_KEY: VAPID.publicKey,
      VAPID_PRIVATE_KEY: VAPID.privateKey,
      VAPID_SUBJECT: 'mailto:ops@example.org',
      OWNER_EMAIL: OWNER.email,
      OWNER_PASSWORD: OWNER.password,
    };
    const ports: Record<BuiltAppName, string> = {
      auth: 'AUTH_PORT',
      owner: 'OWNER_PORT',
      customer: 'CUSTOMER_PORT',
      courier: 'COURIER_PORT',
      realtime: 'REALTIME_PORT',
      worker: 'WORKER_PORT',
    };
    // One after the other: the store apps migrate the same database (under a lock, but serially is kinder to 2 cores).
    for (const name of Object.keys(ports) as BuiltAppName[]) {
      const port = await freePort();
      urls[name] = `http://127.0.0.1:${port}`;
      apps.push(await startBuiltApp(name, { ...common, [ports[name]]: String(port) }, urls[name]));
    }
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const database of databases) await database.drop();
  });

  it('after register, login, import, search, order, pick-up, delivery, live feed and delete', async () => {
    const auth = httpClient(urls.auth);
    const owner = httpClient(urls.owner);
    const customer = httpClient(urls.customer);
    const courier = httpClient(urls.courier);

    await ok('register customer', auth.post('/register_customer', CUSTOMER));
    await ok('register courier', auth.post('/register_courier', COURIER));
    expect((await auth.post('/login', { email: CUSTOMER.email, password: WRONG_PASSWORD })).status).toBe(400);
    const customerToken = (await ok('login', auth.post('/login', CUSTOMER))).accessToken as string;
    const courierToken = (await ok('login', auth.post('/login', COURIER))).accessToken as string;
    const ownerToken = (await ok('login', auth.post('/login', OWNER))).accessToken as string;
    const tokens = [customerToken, courierToken, ownerToken];
    secrets.push(...tokens, ...tokens.map((token) => token.split('.')[2]));

    const form = new FormData();
    form.append('file', new Blob(['Fruit,Log apple,1.25']), 'p.csv');
    await ok('update', owner.postForm('/update', form, { token: ownerToken }));
    await connectLive(urls.realtime, customerToken);
    const [product] = (await ok('search', customer.get('/search?name=Log', { token: customerToken }))).products;
    const { id } = await ok(
      'order',
      customer.post('/order', { requests: [{ id: product.id, quantity: 2 }] }, { token: customerToken }),
    );
    await ok('orders to deliver', courier.get('/orders_to_deliver', { token: courierToken }));
    await ok('pick up', courier.post('/pick_up_order', { id }, { token: courierToken }));
    await ok('delivered', customer.post('/delivered', { id }, { token: customerToken }));
    await ok('status', customer.get('/status', { token: customerToken }));
    await ok('statistics', owner.get('/product_statistics', { token: ownerToken }));
    expect((await customer.get('/status', { token: `${customerToken}x` })).status).toBe(401);
    await ok('delete', auth.post('/delete', undefined, { token: customerToken }));

    // Request logs are written when the response is sent; give the processes a moment to flush.
    await new Promise((wait) => setTimeout(wait, 500));
    const logs = Object.fromEntries(apps.map((app) => [app.name, app.output()]));
    // The capture works: every HTTP app logged the requests above at info.
    expect(logs.auth).toContain('"url":"/login"');
    expect(logs.customer).toContain('"url":"/order"');
    expect(logs.courier).toContain('"url":"/pick_up_order"');
    expect(logs.owner).toContain('"url":"/update"');
    expect(logs.realtime.length).toBeGreaterThan(0);
    const leaks = Object.entries(logs).flatMap(([app, text]) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${app} logged ${secret.slice(0, 12)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
