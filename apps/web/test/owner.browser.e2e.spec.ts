import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { signTestToken } from '@shopwire/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, startWebStack, type RecordedPage, type WebStack } from './owner-stack.js';

const ARTIFACTS = 'test-artifacts';
const OWNER = { email: 'onlymoney@gmail.com', password: 'evenmoremoney' };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CATALOGUE = 'Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2\n"Tools","Wrench, 10 mm",4.5\n';

/** axe-core on the current page: serious and critical violations, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
  return violations as string[];
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], 'page is wider than the viewport').toBeLessThanOrEqual(widths[1]!);
}

async function signInAsOwner(page: Page, url: string): Promise<void> {
  await page.goto(url, { timeout: 20_000 });
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sales statistics' }).waitFor();
}

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
  let stack: WebStack;
  let browser: Browser;
  let owner: RecordedPage;
  const shot = (name: string) =>
    owner.page.screenshot({ path: `${ARTIFACTS}/owner-${name}-${width}.png`, fullPage: true });

  beforeAll(async () => {
    stack = await startWebStack(`web_owner_${width}`, { REALTIME_STATISTICS_INTERVAL_MS: '300' });
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
    owner = await openPage(browser, width);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs in, shows empty statistics, and the page passes axe without horizontal scrolling', async () => {
    await signInAsOwner(owner.page, stack.url);
    await owner.page.getByText('No orders yet.').waitFor();
    await owner.page.locator('.connection[data-state=live]').waitFor();
    await noHorizontalScroll(owner.page);
    expect(await seriousViolations(owner.page)).toEqual([]);
  });

  it('imports a catalogue with the file picker and summarises what was added', async () => {
    await navLink(owner.page, 'Import products').click();
    await owner.page.getByLabel(/choose one/).setInputFiles(await writeCsv('catalogue.csv', CATALOGUE));
    await owner.page.getByRole('button', { name: 'Import' }).click();
    const summary = owner.page.getByRole('status').filter({ hasText: 'Imported 4 products in 4 categories' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Wrench, 10 mm');
    await noHorizontalScroll(owner.page);
    expect(await seriousViolations(owner.page)).toEqual([]);
    await shot('import');
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
    const search = await fetch(`${stack.store.urls.customer[0]}/search?name=Carrot`, {
      headers: { authorization: `Bearer ${signTestToken('x@example.org', 'customer')}` },
    });
    expect((await search.json()).products).toEqual([]);
    await noHorizontalScroll(owner.page);
    await shot('import-error');
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
    const products = (await stack.store.customer.get('/search?name=Apple', { token: customer })).body.products;
    const order = await stack.store.customer.post(
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

    await stack.store.courier.post('/pick_up_order', { id: order.body.id }, { token: courier });
    expect((await stack.store.customer.post('/delivered', { id: order.body.id }, { token: customer })).status).toBe(
      200,
    );
    await expect.poll(() => productRow(owner.page, 'Apple'), { timeout: 5000 }).toEqual({ sold: 4, waiting: 0 });
    // Apple is in Fruit and Organic: both now lead the ranking (4 delivered each), in name order.
    await expect
      .poll(() => table.locator('tr[data-category] th').allTextContents(), { timeout: 5000 })
      .toEqual(['Fruit', 'Organic', 'Bakery', 'Dairy', 'Tools']);
    expect(reloads).toEqual([]);
    await noHorizontalScroll(owner.page);
    expect(await seriousViolations(owner.page)).toEqual([]);
    await shot('dashboard');
  });

  it('opens the queue dashboard in a new tab, with nothing requested from the internet', async () => {
    const [tab] = await Promise.all([
      owner.context.waitForEvent('page'),
      owner.page.getByRole('button', { name: 'Queue dashboard' }).click(),
    ]);
    await tab.waitForURL(/\/queues$/);
    await tab.getByText('statistics').first().waitFor();
    await tab.waitForLoadState('networkidle');
    await tab.screenshot({ path: `${ARTIFACTS}/owner-queues-${width}.png` });
    const external = owner.requests.filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname));
    expect(external).toEqual([]);
    // The bad CSV's 400 is logged by the browser itself; anything else is a fault of the page.
    expect(owner.errors.filter((error) => !error.includes('status of 400'))).toEqual([]);
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
