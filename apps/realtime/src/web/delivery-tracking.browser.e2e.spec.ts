import { mkdir } from 'node:fs/promises';
import { loadConfig } from '@shopwire/config';
import {
  createTestDatabase,
  freePort,
  httpClient,
  listenForTest,
  testEnv,
  type RunningTestApp,
} from '@shopwire/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFromEnv } from '@shopwire/test-support';
import { launchBrowser } from '@shopwire/test-support/browser';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';
import { createRealtimeApp } from '../create-realtime-app.js';
import { realtimeConfigSchema } from '../realtime.config.js';

const ARTIFACTS = 'test-artifacts';
const UNTHROTTLED_FLAGS = [
  // Two people's windows side by side: neither may be throttled as a background tab (a courier's
  // page in a background tab does stop sharing, like any web page; that is not what is tested).
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
const PASSWORD = 'password123';
const DESTINATION = { lat: 44.8125, lng: 20.4612 };
/** `metres` south of the destination. */
const south = (metres: number) => ({ latitude: DESTINATION.lat - metres / 111_195, longitude: DESTINATION.lng });

const browserErrors: string[] = [];
const outsideRequests: string[] = [];

/**
 * Issue 12 in Chromium, on the built web app (`npm run build`): the customer picks the delivery
 * location with the browser's (overridden) location, the courier's page shares its overridden
 * geolocation after pick-up, and the customer's map shows the courier marker moving with an ETA.
 */
describe('live delivery tracking (Chromium)', () => {
  let storeDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let authDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let auth: RunningTestApp;
  let store: StoreServices;
  let realtime: RunningTestApp;
  let browser: Browser;
  let pageOrigin: string;

  async function openAs(email: string, geolocation: { latitude: number; longitude: number }, width = 1280) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      geolocation,
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('pageerror', (error) => browserErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
      else if (process.env.TRACE_BROWSER) console.log(`[${email}] ${message.text()}`);
    });
    page.on('request', (request) => {
      const { hostname } = new URL(request.url());
      if (hostname !== '127.0.0.1' && !request.url().startsWith('data:')) outsideRequests.push(request.url());
    });
    await page.goto(pageOrigin, { timeout: 20_000 });
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('form button[type=submit]');
    await page.locator('header nav').waitFor();
    return { context, page };
  }

  const markerOf = (page: Page, kind: string) => page.locator(`[data-marker="${kind}"]`).first();
  const latOf = async (page: Page, kind: string) => Number(await markerOf(page, kind).getAttribute('data-lat'));

  beforeAll(async () => {
    [storeDb, authDb] = await Promise.all([createTestDatabase('rt_track_store'), createTestDatabase('rt_track_auth')]);
    pageOrigin = `http://127.0.0.1:${await freePort()}`;
    auth = await listenForTest(
      await createAppFromEnv('auth', testEnv({ AUTH_DATABASE_URL: authDb.url, CORS_ORIGINS: pageOrigin })),
    );
    store = await startStoreServices(storeDb.url, { CORS_ORIGINS: pageOrigin });
    const app = await createRealtimeApp(
      loadConfig(
        realtimeConfigSchema,
        testEnv({
          STORE_DATABASE_URL: storeDb.url,
          CORS_ORIGINS: pageOrigin,
          AUTH_PUBLIC_URL: auth.url,
          CUSTOMER_PUBLIC_URL: store.customer.url,
          COURIER_PUBLIC_URL: store.courier.url,
        }),
      ),
    );
    await app.listen(Number(new URL(pageOrigin).port), '127.0.0.1');
    realtime = { app, url: pageOrigin, close: () => app.close() };
    const http = httpClient(auth.url);
    const account = (email: string) => ({ forename: 'Test', surname: 'User', email, password: PASSWORD });
    expect((await http.post('/register_customer', account('ana@example.org'))).status).toBe(200);
    expect((await http.post('/register_courier', account('bob@example.org'))).status).toBe(200);
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchBrowser(UNTHROTTLED_FLAGS);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([realtime?.close(), store?.close(), auth?.close()]);
    await Promise.all([storeDb?.drop(), authDb?.drop()]);
  });

  it('shows the courier moving towards the chosen location, with an ETA, and lets the courier pause', async () => {
    const customer = await openAs('ana@example.org', { latitude: DESTINATION.lat, longitude: DESTINATION.lng });
    const courier: { context: BrowserContext; page: Page } = await openAs('bob@example.org', south(1500));

    // Customer: add the store's product (seeded by startStoreServices), take the browser's location as the destination, order.
    const shop = customer.page;
    await shop.getByRole('button', { name: 'Add to cart' }).first().click();
    await shop.getByRole('button', { name: 'Use my location' }).click();
    await expect
      .poll(() => shop.locator('[data-delivery-location]').getAttribute('data-delivery-location'))
      .toBe(`${DESTINATION.lat.toFixed(5)}, ${DESTINATION.lng.toFixed(5)}`);
    await markerOf(shop, 'destination').waitFor();
    await shop.screenshot({ path: `${ARTIFACTS}/tracking-cart-location.png`, fullPage: true });
    await shop.getByRole('button', { name: 'Place order' }).click();
    await shop.getByText(/Order #\d+ placed/).waitFor();

    // Courier: pick it up from the board, then open My deliveries, where sharing starts.
    const board = courier.page;
    await board.getByRole('button', { name: 'Pick up' }).first().click();
    await board.getByRole('link', { name: 'My deliveries' }).click();
    await board.locator('[data-sharing="sharing"]').waitFor({ timeout: 10_000 });

    // Customer: the order's map shows the destination and the courier, and an ETA.
    await shop.getByRole('link', { name: 'My orders' }).click();
    await markerOf(shop, 'courier')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: Error) => {
        await shop.screenshot({ path: `${ARTIFACTS}/tracking-failure-customer.png`, fullPage: true });
        await board.screenshot({ path: `${ARTIFACTS}/tracking-failure-courier.png`, fullPage: true });
        const metrics = await (await fetch(`${pageOrigin}/metrics`)).text();
        throw new Error(
          `${error.message}\n${metrics
            .split('\n')
            .filter((l) => l.startsWith('realtime_courier'))
            .join('\n')}`,
        );
      });
    const firstLat = await latOf(shop, 'courier');
    expect(firstLat).toBeCloseTo(south(1500).latitude, 5);
    // An ETA the service cannot give yet (`etaSeconds: null`) reads "unknown", never "arriving now".
    const etaOf = async () => shop.locator('[data-eta-seconds]').getAttribute('data-eta-seconds');
    if ((await etaOf()) === 'unknown') {
      expect(await shop.locator('.tracking-status').textContent()).toContain('Arrival time unknown');
    }
    expect(await shop.locator('.tracking-status').textContent()).not.toContain('arriving now');

    // The courier rides north at a courier's pace (80 m every 2.5 s): the marker follows, an ETA
    // appears once the service has seen the courier move, and it falls.
    let metres = 1500;
    const ride = async (steps: number) => {
      for (let step = 0; step < steps; step++) {
        metres -= 80;
        await courier.context.setGeolocation(south(metres));
        await new Promise((resolve) => setTimeout(resolve, 2500));
      }
    };
    let firstEta = NaN;
    for (let tries = 0; tries < 8 && !(firstEta > 0); tries++) {
      await ride(1);
      firstEta = Number(await etaOf());
    }
    expect(firstEta).toBeGreaterThan(0);
    await expect.poll(() => latOf(shop, 'courier'), { timeout: 10_000 }).toBeCloseTo(south(metres).latitude, 5);
    await ride(3);
    await expect.poll(async () => Number(await etaOf()), { timeout: 10_000 }).toBeLessThan(firstEta);
    await shop.screenshot({ path: `${ARTIFACTS}/tracking-customer-1280.png`, fullPage: true });
    await board.screenshot({ path: `${ARTIFACTS}/tracking-courier-1280.png`, fullPage: true });

    // Pause: the courier's indicator says so, and the customer's marker stops following.
    await board.getByRole('button', { name: 'Pause sharing' }).click();
    await board.locator('[data-sharing="paused"]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let any report already in flight land
    const pausedAt = await latOf(shop, 'courier');
    await courier.context.setGeolocation(south(200));
    await new Promise((resolve) => setTimeout(resolve, 4000)); // more than a heartbeat
    expect(await latOf(shop, 'courier')).toBe(pausedAt);
    await board.getByRole('button', { name: 'Resume sharing' }).click();
    await expect.poll(() => latOf(shop, 'courier'), { timeout: 10_000 }).toBeCloseTo(south(200).latitude, 5);

    await shop.setViewportSize({ width: 390, height: 844 });
    await shop.screenshot({ path: `${ARTIFACTS}/tracking-customer-390.png`, fullPage: true });
    await board.setViewportSize({ width: 390, height: 844 });
    await board.screenshot({ path: `${ARTIFACTS}/tracking-courier-390.png`, fullPage: true });
    expect(outsideRequests).toEqual([]);
    expect(browserErrors).toEqual([]);
  }, 180_000);
});
