import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { OWNER_ORDERS_LIMIT } from '@shopwire/contracts';
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
const OWNER_TOKEN = signTestToken(OWNER.email, 'owner');

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

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

/** The owner page's own formatting of an exact amount (the locale is the browser's). */
const exactMoney = (page: Page, amount: number) =>
  page.evaluate(
    (value) =>
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 20 }).format(value),
    amount,
  );

/** The element that has focus: its id and text. */
const focused = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));

/**
 * The end of a navigation as a keyboard user meets it: the new view's heading shown AND focused.
 * The app moves focus to it one animation frame after the view renders; a key pressed before that
 * frame (a slow machine) would act on an element that is about to lose the focus.
 */
async function arrivedAt(page: Page, heading: string) {
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await expect
    .poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`))
    .toBe(`H1 ${heading}`);
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
    await arrivedAt(owner.page, 'Import products');
    await owner.page.getByLabel(/choose one/).setInputFiles(await writeCsv('keys.csv', 'Keys,Key ring,1.5\n'));
    // Import is enabled once the file is read into the form (a render later): until then Tab skips it.
    await expect.poll(() => owner.page.getByRole('button', { name: 'Import', exact: true }).isEnabled()).toBe(true);
    await owner.page.getByLabel(/choose one/).focus();
    await owner.page.keyboard.press('Tab');
    expect(await owner.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Import');
    await owner.page.keyboard.press('Enter');
    await owner.page.getByRole('status').filter({ hasText: 'Imported 1 product in 1 category' }).waitFor();
  });
  it('follows every order live in Orders: customer, courier, lines; filtered by status', async () => {
    await navLink(owner.page, 'Orders').click();
    await owner.page.getByRole('heading', { name: 'Orders', level: 1 }).waitFor();
    await owner.page.getByTestId('orders-count').waitFor();
    const reloads: string[] = [];
    owner.page.on('framenavigated', (frame) => frame === owner.page.mainFrame() && reloads.push(frame.url()));
    const customer = signTestToken(`dora.${width}@example.org`, 'customer');
    const courier = signTestToken('bob@example.org', 'courier');
    const milk = (await platform.stack.customer.get('/search?name=Milk', { token: customer })).body.products[0];
    const order = await platform.stack.customer.post(
      '/order',
      { requests: [{ id: milk.id, quantity: 3 }] },
      { token: customer },
    );
    expect(order.status).toBe(200);

    const card = owner.page.locator(`li[data-order-id="${order.body.id}"]`);
    await card.waitFor({ timeout: 5000 });
    await owner.page
      .getByRole('status')
      .filter({ hasText: `New order #${order.body.id} arrived.` })
      .waitFor();
    expect(await card.getAttribute('data-status')).toBe('CREATED');
    expect(await card.locator('[data-field=customer]').textContent()).toBe(`dora.${width}@example.org`);
    expect(await card.locator('[data-field=courier]').textContent()).toBe('not picked up yet');
    expect(await card.locator('.lines').textContent()).toContain('Milk');
    expect(await card.locator('.total strong').textContent()).toBe(await exactMoney(owner.page, milk.price * 3));
    // The newest first.
    expect(await owner.page.locator('li[data-order-id]').first().getAttribute('data-order-id')).toBe(
      String(order.body.id),
    );

    await platform.stack.courier.post('/pick_up_order', { id: order.body.id }, { token: courier });
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 5000 }).toBe('PENDING');
    expect(await card.locator('[data-field=courier]').textContent()).toBe('bob@example.org');
    await checkView(owner.page, 'owner-orders', width);

    await owner.page.getByLabel('Show').selectOption('COMPLETE');
    const expected = (await platform.stack.owner.get('/orders?status=COMPLETE', { token: OWNER_TOKEN })).body.orders;
    expect(expected.length).toBeGreaterThan(0);
    await expect
      .poll(() => owner.page.locator('li[data-order-id]').evaluateAll((rows) => rows.map((row) => row.dataset.orderId)))
      .toEqual(expected.map((listed: { id: number }) => String(listed.id)));
    expect(await owner.page.locator('li[data-order-id]:not([data-status=COMPLETE])').count()).toBe(0);
    await owner.page.getByLabel('Show').selectOption('');
    await card.waitFor();
    expect(reloads).toEqual([]);
  });

  it('changes a price with the keyboard: the refusal in words under the field, then new orders pay it, old ones keep theirs', async () => {
    await navLink(owner.page, 'Products').click();
    await arrivedAt(owner.page, 'Products');
    const row = owner.page.locator('li.owner-product').filter({
      has: owner.page.getByRole('heading', { name: 'Apple', exact: true }),
    });
    await row.getByRole('button', { name: 'Change price' }).focus();
    await owner.page.keyboard.press('Enter');
    const field = row.getByLabel('New price (€)');
    await expect.poll(async () => (await focused(owner.page)).id).toBe(await field.getAttribute('id'));
    await owner.page.keyboard.press('Control+A');
    await owner.page.keyboard.type('0');
    await owner.page.keyboard.press('Enter');
    // The service refuses it (`Invalid price.`): said in words under the field, which keeps focus.
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await row.locator('.field-error').textContent()).toContain('above 0');
    expect((await focused(owner.page)).id).toBe(await field.getAttribute('id'));
    await checkView(owner.page, 'owner-price-error', width);

    await field.fill('1.5');
    await owner.page.keyboard.press('Enter');
    await owner.page.getByRole('status').filter({ hasText: 'Apple now costs' }).waitFor();
    await expect.poll(async () => (await focused(owner.page)).text).toBe('Change price');
    expect(await row.locator('[data-field=price]').textContent()).toBe(await exactMoney(owner.page, 1.5));

    const customer = signTestToken(`eve.${width}@example.org`, 'customer');
    const apple = (await platform.stack.customer.get('/search?name=Apple', { token: customer })).body.products[0];
    expect(apple.price).toBe(1.5);
    const order = await platform.stack.customer.post(
      '/order',
      { requests: [{ id: apple.id, quantity: 2 }] },
      { token: customer },
    );
    expect(order.status).toBe(200);
    await navLink(owner.page, 'Orders').click();
    const fresh = owner.page.locator(`li[data-order-id="${order.body.id}"]`);
    await fresh.waitFor();
    expect(await fresh.locator('.total strong').textContent()).toBe(await exactMoney(owner.page, 3));
    // The first Apple order (4 at 1.25) keeps its price.
    const orders = (await platform.stack.owner.get('/orders', { token: OWNER_TOKEN })).body.orders as {
      id: number;
      items: { name: string; price: number }[];
    }[];
    expect(orders.find((listed) => listed.id === order.body.id)!.items[0]!.price).toBe(1.5);
    const first = orders.filter((listed) => listed.items.some((item) => item.name === 'Apple')).at(-1)!;
    expect(first.items.find((item) => item.name === 'Apple')!.price).toBe(1.25);
    const old = owner.page.locator(`li[data-order-id="${first.id}"]`);
    expect(await old.locator('.lines').textContent()).toContain(await exactMoney(owner.page, 5));
  });

  it('takes a product off sale (the customer’s search no longer finds it) and puts it back', async () => {
    const customerEmail = `fay.${width}@example.org`;
    await platform.register('customer', customerEmail);
    const customer = await openApp(browser, platform.url, width);
    await signIn(customer.page, customerEmail);
    await customer.page.getByRole('heading', { name: 'Products' }).waitFor();

    await navLink(owner.page, 'Products').click();
    await arrivedAt(owner.page, 'Products');
    const row = owner.page.locator('li.owner-product').filter({
      has: owner.page.getByRole('heading', { name: 'Pear', exact: true }),
    });
    const toggle = row.getByRole('button', { name: 'Take off sale' });
    await toggle.focus();
    await owner.page.keyboard.press('Enter');
    await owner.page.getByRole('status').filter({ hasText: 'Pear is off sale' }).waitFor();
    expect(await row.locator('[data-field=sale]').textContent()).toBe('Off sale');
    // Focus stays on the product's sale button, now saying what it would do next.
    expect((await focused(owner.page)).text).toBe('Put back on sale');
    await checkView(owner.page, 'owner-products', width);

    await customer.page.getByLabel('Name').fill('pear');
    await customer.page.getByRole('button', { name: 'Search' }).click();
    await customer.page.getByText('No products match your search.').waitFor();

    await owner.page.keyboard.press('Enter');
    await owner.page.getByRole('status').filter({ hasText: 'Pear is back on sale' }).waitFor();
    await customer.page.getByRole('button', { name: 'Search' }).click();
    await customer.page.getByRole('heading', { name: 'Pear', exact: true }).waitFor();
    expect(customer.errors).toEqual([]);
    await customer.page.context().close();
  });

  it('shows revenue in money next to the units, exactly as the service sums it', async () => {
    await navLink(owner.page, 'Statistics').click();
    const revenue = (await platform.stack.owner.get('/revenue_statistics', { token: OWNER_TOKEN })).body.statistics as {
      name: string;
      soldRevenue: number;
      waitingRevenue: number;
    }[];
    const apple = revenue.find((entry) => entry.name === 'Apple')!;
    const row = owner.page.locator('[data-testid=product-table] tr[data-product="Apple"]');
    await expect
      .poll(() => row.locator('[data-col=waiting-revenue]').textContent(), { timeout: 5000 })
      .toBe(await exactMoney(owner.page, apple.waitingRevenue));
    expect(await row.locator('[data-col=sold-revenue]').textContent()).toBe(
      await exactMoney(owner.page, apple.soldRevenue),
    );
    expect(apple.soldRevenue).toBe(5); // 4 delivered at the price they were ordered at, 1.25
    await checkView(owner.page, 'owner-revenue', width);
    expect(owner.errors).toEqual([]);
  });
  it('pages back with "Load older orders" past the newest 200, focus on the first older one', async () => {
    const customer = signTestToken(`gus.${width}@example.org`, 'customer');
    const bread = (await platform.stack.customer.get('/search?name=Bread', { token: customer })).body.products[0];
    for (let batch = 0; batch < OWNER_ORDERS_LIMIT / 10; batch++) {
      const placed = await Promise.all(
        Array.from({ length: 10 }, () =>
          platform.stack.customer.post('/order', { requests: [{ id: bread.id, quantity: 1 }] }, { token: customer }),
        ),
      );
      expect(placed.map((order) => order.status)).toEqual(Array(10).fill(200));
    }
    const all = (await platform.stack.owner.get('/orders', { token: OWNER_TOKEN })).body.orders as { id: number }[];
    expect(all).toHaveLength(OWNER_ORDERS_LIMIT);
    const older = (await platform.stack.owner.get(`/orders?before=${all.at(-1)!.id}`, { token: OWNER_TOKEN })).body
      .orders as { id: number }[];
    expect(older.length).toBeGreaterThan(0);

    await navLink(owner.page, 'Orders').click();
    await expect
      .poll(() => owner.page.locator('li[data-order-id]').count(), { timeout: 10_000 })
      .toBe(OWNER_ORDERS_LIMIT);
    await owner.page.getByRole('button', { name: 'Load older orders' }).click();
    await expect
      .poll(() => owner.page.locator('li[data-order-id]').count(), { timeout: 10_000 })
      .toBe(OWNER_ORDERS_LIMIT + older.length);
    await expect.poll(async () => (await focused(owner.page)).id).toBe(`owner-order-${older[0]!.id}-title`);
    expect(await owner.page.getByRole('button', { name: 'Load older orders' }).count()).toBe(0);
    expect(owner.errors).toEqual([]);
  });
});
