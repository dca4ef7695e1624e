import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  checkView,
  importCatalogue,
  launchBrowser,
  openApp,
  startWebPlatform,
  waitLive,
  type WebPlatform,
} from '@shopwire/test-support/browser';

/**
 * The README's story in real Chromium, one browser context per person: a customer and a courier
 * register, the customer orders, the courier sees it live and picks it up, the customer sees that
 * live and confirms; at a phone's width and a desktop's, with axe on every view.
 */
describe('customer and courier journey (Chromium)', () => {
  let platform: WebPlatform;
  let browser: Browser;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform('web_journey'), launchBrowser()]);
    await importCatalogue(
      platform,
      'Fruit|Organic,Apple,1.25\nFruit,Pear,0.9\nDairy,Milk,2\nBakery,Sourdough loaf,4.5\nDrinks,"Orange juice, 1 l",2.79\n',
    );
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each([390, 1280])(
    'at %i px: register, order, see it live on the board, pick up, see it live, confirm',
    async (width) => {
      const customerEmail = `ana.${width}@example.org`;
      const courierEmail = `bob.${width}@example.org`;
      const customer = await openApp(browser, platform.url, width);
      const courier = await openApp(browser, platform.url, width);
      const c = customer.page;
      const k = courier.page;

      // Registration, through the forms.
      await checkView(c, 'sign-in', width);
      await c.getByRole('link', { name: 'Register' }).click();
      await c.getByRole('heading', { name: 'Create your account' }).waitFor();
      await checkView(c, 'register', width);
      await c.getByLabel('Shop and order').check();
      await c.getByLabel('First name').fill('Ana');
      await c.getByLabel('Last name').fill('Petrovic');
      await c.getByLabel('Email').fill(customerEmail);
      await c.getByLabel('Password').fill(PASSWORD);
      await c.getByRole('button', { name: 'Register' }).click();
      await waitLive(c);

      await k.getByRole('link', { name: 'Register' }).click();
      await k.getByLabel('Deliver orders').check();
      await k.getByLabel('First name').fill('Bob');
      await k.getByLabel('Last name').fill('Rider');
      await k.getByLabel('Email').fill(courierEmail);
      await k.getByLabel('Password').fill(PASSWORD);
      await k.getByRole('button', { name: 'Register' }).click();
      await waitLive(k);
      await k.getByRole('heading', { name: 'Orders to deliver' }).waitFor();

      // Search with and without matches.
      await c.getByLabel('Name').fill('Nothing like this');
      await c.getByRole('button', { name: 'Search' }).click();
      await c.getByText('No products match your search.').waitFor();
      await checkView(c, 'shop-empty-search', width);
      await c.getByLabel('Name').fill('');
      await c.getByLabel('Category').fill('Fruit');
      await c.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => c.locator('.product').count()).toBe(2);
      await c.locator('.product', { hasText: 'Apple' }).getByRole('button', { name: 'Add to cart' }).click();
      await c.locator('.product', { hasText: 'Apple' }).getByRole('button', { name: 'Add to cart' }).click();
      await c.getByLabel('Category').fill('');
      await c.getByRole('button', { name: 'Search' }).click();
      await c.locator('.product', { hasText: 'Milk' }).getByRole('button', { name: 'Add to cart' }).click();
      await expect.poll(() => c.getByLabel('Quantity of Apple').inputValue()).toBe('2');
      await checkView(c, 'shop-cart', width);

      // Place the order: the cart empties, the order id is shown.
      await c.getByRole('button', { name: 'Place order' }).click();
      const placed = c.getByText(/Order #\d+ placed/);
      await placed.waitFor();
      const orderId = Number(/#(\d+)/.exec((await placed.textContent()) ?? '')![1]);
      await c.getByText('Your cart is empty.').waitFor();

      // The courier's board shows it live, with lines, total, customer and age.
      const card = k.locator(`.order[data-order-id="${orderId}"]`);
      await card.waitFor({ timeout: 10_000 });
      await expect.poll(() => card.textContent()).toContain('2 × Apple');
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(customerEmail);
      expect(text).toContain('1 × Milk');
      expect(text).toMatch(/4[.,]50/);
      expect(text).toContain('just now');
      await checkView(k, 'courier-board', width);

      // The customer's orders: id, status, timeline.
      await c.getByRole('link', { name: 'My orders', exact: true }).click();
      const order = c.locator(`.order[data-order-id="${orderId}"]`);
      await order.waitFor();
      expect(await order.getAttribute('data-status')).toBe('CREATED');
      await checkView(c, 'customer-orders', width);

      // Pick up: the board empties, the customer's page changes live.
      await card.getByRole('button', { name: 'Pick up' }).click();
      await k.getByText(`Picked up order #${orderId}.`).waitFor();
      await expect.poll(() => card.count()).toBe(0);
      await k.getByText('No orders waiting.').waitFor();
      await expect.poll(() => order.getAttribute('data-status'), { timeout: 10_000 }).toBe('PENDING');
      await order.getByText('On the way').waitFor();

      // Confirm delivery.
      await order.getByRole('button', { name: 'Confirm delivery' }).click();
      await expect.poll(() => order.getAttribute('data-status')).toBe('COMPLETE');
      await c.getByText(`Order #${orderId} is delivered.`).waitFor();
      await checkView(c, 'customer-delivered', width);

      // The courier's deliveries: delivered today.
      await k.getByRole('link', { name: 'My deliveries' }).click();
      await k.locator(`.order[data-order-id="${orderId}"][data-status="COMPLETE"]`).waitFor();
      await checkView(k, 'courier-deliveries', width);

      // A reload keeps the session; signing out ends it.
      await c.reload();
      await waitLive(c);
      await c.getByRole('heading', { name: 'My orders' }).waitFor();
      await c.getByRole('button', { name: 'Sign out' }).click();
      await c.getByText('You have signed out.').waitFor();
      await c.reload();
      await c.getByRole('heading', { name: 'Sign in' }).waitFor();

      expect([...customer.errors, ...courier.errors]).toEqual([]);
      await Promise.all([c.context().close(), k.context().close()]);
    },
    180_000,
  );
});
