import { createECDH } from 'node:crypto';
import { DEVELOPMENT_VAPID_KEYS } from '@shopwire/config';
import type { NewOrdersPush } from '@shopwire/contracts';
import { signTestToken, waitFor } from '@shopwire/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  spawnWorkerProcess,
  startLocalPushService,
  type LocalPushService,
  type LocalSubscription,
  type WorkerProcess,
} from '@shopwire/test-support';
import {
  importCatalogue,
  launchBrowser,
  openApp,
  signIn,
  startWebPlatform,
  waitLive,
  type WebPlatform,
} from '@shopwire/test-support/browser';

/** The machine is shared and loaded: generous polls (vitest's default is 1 s). */
const SLOW = { timeout: 15_000 };

interface BrowserSubscription extends LocalSubscription {
  key: string;
}

/**
 * The page's PushManager, answered by the local push service: headless Chromium here cannot reach
 * its real push service (FCM), so `subscribe` cannot work; everything else — the app's key check,
 * the service worker, the services, the BUILT worker, VAPID and payload encryption — is real.
 * Returns the browser's subscription as the test sees it, and the endpoints it unsubscribed.
 */
async function fakePushManager(context: BrowserContext, push: LocalPushService) {
  const browser = { current: null as BrowserSubscription | null, unsubscribed: [] as string[] };
  await context.exposeFunction('__pushService', (op: string, arg?: string) => {
    if (op === 'subscribe') {
      const sub = push.subscribe('browser', { applicationServerKey: arg });
      browser.current = { ...sub, key: arg! };
    } else if (op === 'unsubscribe') {
      browser.unsubscribed.push(arg!);
      if (browser.current?.endpoint === arg) browser.current = null;
    }
    return browser.current;
  });
  await context.addInitScript(() => {
    type Sub = { endpoint: string; keys: object; key: string };
    const call = (window as unknown as { __pushService: (op: string, arg?: string) => Promise<Sub | null> })
      .__pushService;
    const bytes = (b64u: string) =>
      Uint8Array.from(atob(b64u.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const b64u = (buffer: ArrayBuffer | Uint8Array) =>
      btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const wrap = (sub: Sub | null) =>
      sub && {
        endpoint: sub.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: bytes(sub.key).buffer },
        toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
        unsubscribe: async () => (await call('unsubscribe', sub.endpoint), true),
      };
    PushManager.prototype.getSubscription = async () => wrap(await call('get')) as never;
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) =>
      wrap(await call('subscribe', b64u(options!.applicationServerKey as Uint8Array))) as never;
  });
  return browser;
}

/**
 * Push survives a VAPID key change (docs/push.md, ADR 0019), in Chromium: the app re-subscribes a
 * device whose subscription was made with another key when it opens, and registers it; the
 * service worker's `pushsubscriptionchange` re-subscribes with the served key and the page
 * replaces the old endpoint on the server when it next opens. The built worker then pushes to the
 * new subscription, and the local push service answers 403 for the old one.
 */
describe('push after a VAPID key change (Chromium, local push service, worker process)', () => {
  const email = 'rotated.rider@example.org';
  // The account's real token: a test token has no incarnation (ADR 0017), and the page's sign-in
  // would supersede it and drop what it registered.
  let token: string;
  let push: LocalPushService;
  let platform: WebPlatform;
  let browser: Browser;
  let worker: WorkerProcess;
  let page: Page;
  let device: Awaited<ReturnType<typeof fakePushManager>>;

  const registered = async () =>
    (
      (await platform.stack.courier.get('/push_subscriptions', { token })).body.subscriptions as Array<{
        endpoint: string;
      }>
    ).map((s) => s.endpoint);

  beforeAll(async () => {
    push = await startLocalPushService({ applicationServerKey: DEVELOPMENT_VAPID_KEYS.publicKey });
    [platform, browser] = await Promise.all([
      startWebPlatform('web_push_rotation', { PUSH_ENDPOINT_HOSTS: '127.0.0.1' }),
      launchBrowser(),
    ]);
    await importCatalogue(platform, 'Fruit,Apple,1.25\n');
    worker = await spawnWorkerProcess({ ...platform.stack.env, NODE_EXTRA_CA_CERTS: push.caFile });
    await platform.register('courier', email);
    token = await platform.login(email);
  }, 180_000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await browser?.close();
    await platform?.close();
    await push?.close();
  });

  it('re-subscribes with the current key when the app opens, and the new subscription is pushed', async () => {
    ({ page } = await openApp(browser, platform.url, 1280));
    const context = page.context();
    await context.grantPermissions(['notifications'], { origin: platform.url });
    device = await fakePushManager(context, push);
    // Before the rotation: this browser subscribed with the old key, and the server has that row.
    const oldKey = createECDH('prime256v1');
    oldKey.generateKeys();
    const oldPublicKey = oldKey.getPublicKey().toString('base64url');
    const old = push.subscribe('browser-old', { applicationServerKey: oldPublicKey });
    device.current = { ...old, key: oldPublicKey };
    expect((await platform.stack.courier.post('/push_subscribe', old, { token })).status).toBe(200);

    await page.reload();
    await signIn(page, email);
    await waitLive(page);
    await expect.poll(() => page.locator('.push-toggle').getAttribute('data-push-state'), SLOW).toBe('on');
    // The switch says "on" at once; the re-subscription and the two API calls follow.
    await expect.poll(() => device.current?.key, SLOW).toBe(DEVELOPMENT_VAPID_KEYS.publicKey);
    await expect.poll(registered, SLOW).toEqual([device.current!.endpoint]);
    expect(device.unsubscribed).toEqual([old.endpoint]);

    const order = await platform.stack.customer.post(
      '/order',
      { requests: [{ id: 1, quantity: 2 }] },
      { token: signTestToken('shopper@example.org', 'customer') },
    );
    expect(order.status).toBe(200);
    const renewed = device.current!.id;
    await waitFor('the renewed subscription to be pushed the order', async () => push.accepted(renewed).length === 1);
    expect((push.accepted(renewed)[0].payload as NewOrdersPush).orders.map((o) => o.orderId)).toEqual([order.body.id]);
    expect(push.messages.filter((m) => m.subscription === old.id)).toEqual([]);
    expect(push.errors).toEqual([]);
  }, 120_000);

  it('pushsubscriptionchange: the service worker re-subscribes with the served key; the next open replaces the endpoint', async () => {
    const before = device.current!;
    const next = push.subscribe('browser-next');
    // The browser's side of the change: its new subscription (what the worker's subscribe returns).
    device.current = { ...next, key: DEVELOPMENT_VAPID_KEYS.publicKey };
    const [sw] = page.context().serviceWorkers();
    const calls = await sw.evaluate(
      async ([oldEndpoint, sub]) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the service worker's globals are not in this file's DOM typings
        const scope = self as any;
        const used: string[] = [];
        // The browser may still report the replaced subscription: it must be dropped, not kept.
        scope.registration.pushManager.getSubscription = async () => ({
          endpoint: oldEndpoint,
          options: { applicationServerKey: null },
          unsubscribe: async () => (used.push(`unsubscribe ${oldEndpoint}`), true),
        });
        scope.registration.pushManager.subscribe = async (options: { applicationServerKey: Uint8Array }) => {
          used.push(`subscribe ${btoa(String.fromCharCode(...options.applicationServerKey))}`);
          return { endpoint: sub.endpoint, options };
        };
        const event = Object.assign(new Event('pushsubscriptionchange'), {
          oldSubscription: { endpoint: oldEndpoint },
          newSubscription: null,
        });
        scope.dispatchEvent(event);
        for (let waited = 0; waited < 5000; waited += 50) {
          if (await (await caches.open('shopwire-push')).match('/push-replaced')) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return used;
      },
      [before.endpoint, next] as const,
    );
    const standard = (b64u: string) => Buffer.from(b64u, 'base64url').toString('base64');
    expect(calls).toEqual([
      `unsubscribe ${before.endpoint}`,
      `subscribe ${standard(DEVELOPMENT_VAPID_KEYS.publicKey)}`,
    ]);
    expect(await registered()).toEqual([before.endpoint]); // the worker has no token: nothing yet

    await page.reload();
    await waitLive(page);
    await expect.poll(registered, SLOW).toEqual([next.endpoint]);
    expect(
      await page.evaluate(async () => Boolean(await (await caches.open('shopwire-push')).match('/push-replaced'))),
    ).toBe(false);
  }, 120_000);
});
