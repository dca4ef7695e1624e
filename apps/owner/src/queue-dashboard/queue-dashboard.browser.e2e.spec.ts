import { signTestToken } from '@shopwire/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from '@shopwire/test-support/browser';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The queue dashboard in a real browser: reached through a ticket from a page of another site
 * (as the web app does), rendered, and without a single request leaving this machine.
 */
describe('queue dashboard in Chromium', () => {
  let stack: StoreStack;
  let browser: Browser;
  let port: string;

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_queues_browser', owner: 1 });
    port = new URL(stack.urls.owner[0]!).port;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function openPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const requested: string[] = [];
    // Record every request of the context; anything not local is refused rather than attempted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      return LOCAL_HOSTS.has(new URL(url).hostname) ? route.continue() : route.abort();
    });
    return { context, page, requested };
  }

  it('opens from a ticket after a cross-site navigation and loads nothing from the internet', async () => {
    const { context, page, requested } = await openPage();
    const ticket = await stack.owner.post('/queues/ticket', undefined, {
      token: signTestToken('onlymoney@gmail.com', 'owner'),
    });
    expect(ticket.status).toBe(200);
    // Start on another site (localhost ≠ 127.0.0.1), like the web app on :5004 opening the link.
    await page.goto(`http://localhost:${port}/health/live`);
    await page.evaluate((url) => void (location.href = url), `http://127.0.0.1:${port}${ticket.body.url}`);
    await page.waitForURL(`http://127.0.0.1:${port}/queues`);
    await page.getByText('statistics', { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${ARTIFACTS}/queue-dashboard-1280.png` });

    const external = requested.filter((url) => !LOCAL_HOSTS.has(new URL(url).hostname));
    expect(external).toEqual([]);
    expect(requested.some((url) => url.includes('/queues/api/queues'))).toBe(true);
    await context.close();
  });

  it('refuses the board without a session and a used ticket', async () => {
    const { context, page } = await openPage();
    const response = await page.goto(`http://127.0.0.1:${port}/queues`);
    expect(response?.status()).toBe(401);
    const ticket = await stack.owner.post('/queues/ticket', undefined, {
      token: signTestToken('onlymoney@gmail.com', 'owner'),
    });
    expect((await fetch(`${stack.urls.owner[0]}${ticket.body.url}`)).status).toBe(200);
    const reused = await page.goto(`http://127.0.0.1:${port}${ticket.body.url}`);
    expect(reused?.status()).toBe(401);
    await expect(page.getByRole('heading', { name: 'This link has expired' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
