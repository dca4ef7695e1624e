import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { signTestToken } from '@shopwire/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  checkView,
  launchBrowser,
  openApp,
  signIn,
  startWebPlatform,
  waitLive,
  type AppPage,
  type WebPlatform,
} from '@shopwire/test-support/browser';

const OWNER = { email: 'onlymoney@gmail.com', password: 'evenmoremoney' };
const CATALOGUE = 'Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2\n"Tools","Wrench, 10 mm",4.5\n';
const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

async function writeCsv(name: string, text: string): Promise<string> {
  const path = join(tmpdir(), `${process.pid}-${name}`);
  await writeFile(path, text);
  return path;
}

/** The figures of one product row of the statistics table. */
async function productRow(page: Page, name: string) {
  const row = page.locator(`[data-testid=product-table] tr[data-product="${name}"]`);
  if ((await row.count()) === 0) return null;
  return {
    sold: Number(await row.locator('[data-col=sold]').textContent()),
    waiting: Number(await row.locator('[data-col=waiting]').textContent()),
  };
}

describe.each([
  ['phone', 390],
  ['desktop', 1280],
])('owner in Chromium (%s, %i px)', (_label, width) => {
  let platform: WebPlatform;
  let browser: Browser;
  let owner: AppPage;
  /** Every URL the owner's browser context requested, from the first page load on. */
  const requests: string[] = [];
  const shot = (name: string) =>
    owner.page.screenshot({ path: `${ARTIFACTS}/owner-${name}-${width}.png`, fullPage: true });

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform(`web_owner_${width}`), launchBrowser()]);
    owner = await openApp(browser, platform.url, width);
    owner.page.context().on('request', (request) => requests.push(request.url()));
    await owner.page.reload(); // so the recording covers the app's whole load
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('signs in, shows empty statistics, and the page passes axe without horizontal scrolling', async () => {
    await signIn(owner.page, OWNER.email, OWNER.password);
    await owner.page.getByRole('heading', { name: 'Sales statistics' }).waitFor();
    await owner.page.getByText('No orders yet.').waitFor();
    await waitLive(owner.page);
    await checkView(owner.page, 'owner-statistics-empty', width);
  });

  it('imports a catalogue with the file picker and summarises what was added', async () => {
    await navLink(owner.page, 'Import products').click();
    await owner.page.getByLabel(/choose one/).setInputFiles(await writeCsv('catalogue.csv', CATALOGUE));
    await owner.page.getByRole('button', { name: 'Import' }).click();
    const summary = owner.page.getByRole('status').filter({ hasText: 'Imported 4 products in 4 categories' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Wrench, 10 mm');
    await checkView(owner.page, 'owner-import', width);
  });

  it('shows a bad line by number, quoted, with the raw message as detail; nothing is imported', async () => {
    const bad = 'Veg,Carrot,0.5\nVeg,Leek,free\n';
    await owner.page.getByLabel(/choose one/).setInputFiles(await writeCsv('bad.csv', bad));
    await owner.page.getByRole('button', { name: 'Import' }).click();
    const alert = owner.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Line 2 has a price that is not a number above 0');
    expect(await alert.locator('.csv-line code').textContent()).toBe('Veg,Leek,free');
    await alert.getByText('Details').click();
    await alert.getByText('Incorrect price on line 1.').waitFor();
    const search = await fetch(`${platform.stack.urls.customer[0]}/search?name=Carrot`, {
      headers: { authorization: `Bearer ${signTestToken('x@example.org', 'customer')}` },
    });
    expect((await search.json()).products).toEqual([]);
    await checkView(owner.page, 'owner-import-error', width);
  });

  it('imports by drag and drop', async () => {
    const dropped = 'Bakery,Bread,2.2\nBakery|Organic,Rye bread,3.1\n';
    const transfer = await owner.page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'bakery.csv', { type: 'text/csv' }));
      return data;
    }, dropped);
    const zone = owner.page.getByTestId('drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await owner.page.getByText('Selected: bakery.csv').waitFor();
    await owner.page.getByRole('button', { name: 'Import' }).click();
    await owner.page.getByRole('status').filter({ hasText: 'Imported 2 products in 2 categories' }).waitFor();
  });

  it('updates the dashboard live while an order is placed, picked up and delivered', async () => {
    await navLink(owner.page, 'Statistics').click();
    const table = owner.page.getByTestId('category-table');
    await table.waitFor();
    expect(await table.locator('tr[data-category]').count()).toBe(5); // the imports' categories, none ordered yet
    const reloads: string[] = [];
    owner.page.on('framenavigated', (frame) => frame === owner.page.mainFrame() && reloads.push(frame.url()));

    const customer = signTestToken('ana@example.org', 'customer');
    const courier = signTestToken('bob@example.org', 'courier');
    const products = (await platform.stack.customer.get('/search?name=Apple', { token: customer })).body.products;
    const order = await platform.stack.customer.post(
      '/order',
      { requests: [{ id: products[0].id, quantity: 4 }] },
      {
        token: customer,
      },
    );
    expect(order.status).toBe(200);
    await expect.poll(() => productRow(owner.page, 'Apple'), { timeout: 5000 }).toEqual({ sold: 0, waiting: 4 });
    await owner.page.getByRole('img', { name: 'Apple: 0 sold, 4 waiting' }).waitFor();
    await shot('dashboard-waiting');

    await platform.stack.courier.post('/pick_up_order', { id: order.body.id }, { token: courier });
    expect((await platform.stack.customer.post('/delivered', { id: order.body.id }, { token: customer })).status).toBe(
      200,
    );
    await expect.poll(() => productRow(owner.page, 'Apple'), { timeout: 5000 }).toEqual({ sold: 4, waiting: 0 });
    // Apple is in Fruit and Organic: both now lead the ranking (4 delivered each), in name order.
    await expect
      .poll(() => table.locator('tr[data-category] th').allTextContents(), { timeout: 5000 })
      .toEqual(['Fruit', 'Organic', 'Bakery', 'Dairy', 'Tools']);
    expect(reloads).toEqual([]);
    await checkView(owner.page, 'owner-statistics', width);
  });

  it('charts the top products and lists them all as orders of several products move', async () => {
    const customer = signTestToken('cleo@example.org', 'customer');
    const courier = signTestToken('bob@example.org', 'courier');
    const ids = new Map<string, number>(
      (await platform.stack.customer.get('/search', { token: customer })).body.products.map(
        (product: { name: string; id: number }) => [product.name, product.id],
      ),
    );
    const baskets = [
      { Pear: 6, Milk: 2 },
      { Bread: 3, 'Rye bread': 1, Milk: 1 },
      { 'Wrench, 10 mm': 1, Pear: 2 },
      { Apple: 2, Bread: 2 },
    ];
    for (const [index, basket] of baskets.entries()) {
      const requests = Object.entries(basket).map(([name, quantity]) => ({ id: ids.get(name), quantity }));
      const order = await platform.stack.customer.post('/order', { requests }, { token: customer });
      expect(order.status).toBe(200);
      if (index % 2 === 1) continue; // every other order stays waiting
      await platform.stack.courier.post('/pick_up_order', { id: order.body.id }, { token: courier });
      await platform.stack.customer.post('/delivered', { id: order.body.id }, { token: customer });
    }
    await expect.poll(() => productRow(owner.page, 'Pear'), { timeout: 5000 }).toEqual({ sold: 8, waiting: 0 });
    await expect.poll(() => productRow(owner.page, 'Apple'), { timeout: 5000 }).toEqual({ sold: 4, waiting: 2 });
    expect(await owner.page.locator('.sales-chart li').count()).toBe(6);
    // The picture without the short "changed" highlight.
    await expect.poll(() => owner.page.locator('tr.changed').count(), { timeout: 5000 }).toBe(0);
    await owner.page.screenshot({ path: `${ARTIFACTS}/owner-statistics-several-${width}.png`, fullPage: true });
  });

  it('opens the queue dashboard in a new tab, with nothing requested from the internet', async () => {
    const [tab] = await Promise.all([
      owner.page.context().waitForEvent('page'),
      owner.page.getByRole('button', { name: 'Queue dashboard' }).click(),
    ]);
    await tab.waitForURL(/\/queues$/);
    await tab.getByText('statistics').first().waitFor();
    await tab.waitForLoadState('networkidle');
    await tab.screenshot({ path: `${ARTIFACTS}/owner-queues-${width}.png` });
    expect(requests.some((url) => url.includes('/queues/api/queues'))).toBe(true);
    expect(requests.filter((url) => !LOCAL_HOSTS.includes(new URL(url).hostname))).toEqual([]);
    expect(owner.errors).toEqual([]);
    await tab.close();
  });

  it('is usable with the keyboard alone: Tab reaches the import controls and Enter imports', async () => {
    await navLink(owner.page, 'Import products').focus();
    await owner.page.keyboard.press('Enter');
    await owner.page.getByRole('heading', { name: 'Import products' }).waitFor();
    await owner.page.getByLabel(/choose one/).setInputFiles(await writeCsv('keys.csv', 'Keys,Key ring,1.5\n'));
    await owner.page.getByLabel(/choose one/).focus();
    await owner.page.keyboard.press('Tab');
    expect(await owner.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Import');
    await owner.page.keyboard.press('Enter');
    await owner.page.getByRole('status').filter({ hasText: 'Imported 1 product in 1 category' }).waitFor();
  });
});
