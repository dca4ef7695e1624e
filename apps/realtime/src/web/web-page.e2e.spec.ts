import { mkdir } from 'node:fs/promises';
import { authConfigSchema } from '../../../auth/src/auth.config.js';
import { createAuthApp } from '../../../auth/src/create-auth-app.js';
import { loadConfig } from '@shopwire/config';
import { createTestDatabase, httpClient, listenForTest, testEnv, type RunningTestApp } from '@shopwire/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserClient } from '../../test/browser-client-build.js';
import { freePort } from '../../test/private-redis.js';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';
import { createRealtimeApp } from '../create-realtime-app.js';
import { realtimeConfigSchema } from '../realtime.config.js';

const ARTIFACTS = 'test-artifacts';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PASSWORD = 'password123';

/** Browser-side errors, reported by the test instead of a bare timeout. */
const browserErrors: string[] = [];

async function openPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(5000);
  page.on('pageerror', (error) => browserErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && browserErrors.push(message.text()));
  return page;
}

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url, { timeout: 15_000 }); // the first page of a cold browser is slow
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('#sign-in-form button[type=submit]');
  await page
    .locator('#connection.online')
    .waitFor({ timeout: 5000 })
    .catch((error: Error) => {
      throw new Error(`${email} not live: ${error.message}; browser errors: ${browserErrors.join(' | ')}`);
    });
}

/** The demo page in a real browser: a courier's board and a customer's orders update live. */
describe('web page (Chromium)', () => {
  let storeDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let authDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let auth: RunningTestApp;
  let store: StoreServices;
  let realtime: RunningTestApp;
  let browser: Browser;

  beforeAll(async () => {
    [storeDb, authDb] = await Promise.all([createTestDatabase('rt_web_store'), createTestDatabase('rt_web_auth')]);
    // The page's origin must be known before the services start (their CORS allows it).
    const pagePort = await freePort();
    const pageOrigin = `http://127.0.0.1:${pagePort}`;
    auth = await listenForTest(
      await createAuthApp(
        loadConfig(authConfigSchema, testEnv({ AUTH_DATABASE_URL: authDb.url, CORS_ORIGINS: pageOrigin })),
      ),
    );
    store = await startStoreServices(storeDb.url, { CORS_ORIGINS: pageOrigin });
    const config = loadConfig(
      realtimeConfigSchema,
      testEnv({
        STORE_DATABASE_URL: storeDb.url,
        CORS_ORIGINS: pageOrigin,
        AUTH_PUBLIC_URL: auth.url,
        CUSTOMER_PUBLIC_URL: store.customer.url,
        COURIER_PUBLIC_URL: store.courier.url,
        REALTIME_CLIENT_DIR: await buildBrowserClient(),
      }),
    );
    const app = await createRealtimeApp(config);
    await app.listen(pagePort, '127.0.0.1');
    realtime = { app, url: pageOrigin, close: () => app.close() };

    const http = httpClient(auth.url);
    const account = (email: string) => ({ forename: 'Test', surname: 'User', email, password: PASSWORD });
    expect((await http.post('/register_customer', account('ana@example.org'))).status).toBe(200);
    expect((await http.post('/register_courier', account('bob@example.org'))).status).toBe(200);
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([realtime?.close(), store?.close(), auth?.close()]);
    await Promise.all([storeDb?.drop(), authDb?.drop()]);
  });

  it('shows a new order on the courier board and the pick-up on the customer page, live', async () => {
    const courierPage = await openPage(browser);
    const customerPage = await openPage(browser);
    await signIn(courierPage, realtime.url, 'bob@example.org');
    await signIn(customerPage, realtime.url, 'ana@example.org');
    await expect.poll(() => courierPage.locator('#board-empty').isVisible()).toBe(true);

    await customerPage.locator('#products input').first().fill('2');
    await customerPage.click('#place-order');
    await customerPage.locator('#order-message', { hasText: 'placed' }).waitFor({ timeout: 2000 });
    const placedAt = Date.now();
    const row = courierPage.locator('#board li').first();
    await row.waitFor({ timeout: 1000 });
    expect(Date.now() - placedAt).toBeLessThan(1000);
    await customerPage.locator('#my-orders .status-CREATED').waitFor({ timeout: 1000 });
    await courierPage.screenshot({ path: `${ARTIFACTS}/realtime-courier-board.png`, fullPage: true });

    await row.locator('button', { hasText: 'Pick up' }).click();
    await courierPage.locator('#board-message', { hasText: 'Picked up' }).waitFor({ timeout: 2000 });
    const pickedAt = Date.now();
    await customerPage.locator('#my-orders .status-PENDING').waitFor({ timeout: 1000 });
    expect(Date.now() - pickedAt).toBeLessThan(1000);
    await expect.poll(() => courierPage.locator('#board li').count()).toBe(0);
    await customerPage.screenshot({ path: `${ARTIFACTS}/realtime-customer-orders.png`, fullPage: true });
    expect(browserErrors).toEqual([]);
  });
});
