import type { Browser, Page } from 'playwright-core';
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

/** What the customer types into the address fields, as the customer and the courier read it back. */
const ADDRESS = {
  'Street and number': 'Knez Mihailova 12',
  Details: '3rd floor, door 7',
  Phone: '+381 64 123 4567',
  'Note for the courier': 'Ring twice, the bell is broken',
};

/** The element that has focus: its id and text, to check where focus went after an action. */
const focused = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));

/**
 * The README's story in real Chromium, one browser context per person: a customer and a courier
 * register, the customer orders to an address and a point set with the keyboard, the courier sees
 * it live, picks it up, finds the address and a Navigate link in My deliveries, which follows the
 * customer's confirmation live; the courier's badge says Offline when the network goes; at a
 * phone's width and a desktop's, with axe on every view.
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
      // Every field's problem at once, each field marked and described, focus on the first.
      await c.getByRole('button', { name: 'Register' }).click();
      await expect.poll(() => c.locator('input[aria-invalid="true"]').count()).toBe(4);
      for (const field of ['forename', 'surname', 'email', 'password']) {
        const input = c.locator(`#field-${field}`);
        const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
        expect(describedBy.split(' ')).toContain(`field-${field}-error`);
        expect(await c.locator(`#field-${field}-error`).textContent()).toMatch(/\w/);
      }
      expect((await focused(c)).id).toBe('field-forename');
      await c.getByLabel('Email').fill('not an email');
      await expect.poll(() => c.locator('#field-email-error').textContent()).toMatch(/valid email address/);
      await checkView(c, 'register-errors', width);
      await c.getByLabel('Shop and order').check();
      await c.getByLabel('First name').fill('Ana');
      await c.getByLabel('Last name').fill('Petrovic');
      await c.getByLabel('Email').fill(customerEmail);
      await c.getByLabel('Password').fill(PASSWORD);
      await c.getByRole('button', { name: 'Register' }).click();
      await waitLive(c);
      // Focus moved to the new view's heading.
      await expect.poll(async () => (await focused(c)).text).toBe('Products');
      expect(await c.locator('input[aria-invalid="true"]').count()).toBe(0);

      await k.getByRole('link', { name: 'Register' }).click();
      await k.getByLabel('Deliver orders').check();
      await k.getByLabel('First name').fill('Bob');
      await k.getByLabel('Last name').fill('Rider');
      await k.getByLabel('Email').fill(courierEmail);
      await k.getByLabel('Password').fill(PASSWORD);
      await k.getByRole('button', { name: 'Register' }).click();
      await waitLive(k);
      await k.getByRole('heading', { name: 'Orders to deliver' }).waitFor();

      // A skip link leads to the cart.
      await c.getByRole('link', { name: 'Skip to cart' }).focus();
      await c.keyboard.press('Enter');
      await expect.poll(async () => (await focused(c)).id).toBe('cart-title');

      // Search ignores capitals; no match gives honest advice (never "try a shorter name").
      await c.getByLabel('Name').fill('app');
      await c.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => c.locator('.product').allTextContents()).toEqual([expect.stringContaining('Apple')]);
      await c.getByLabel('Name').fill('Nothing like this');
      await c.getByRole('button', { name: 'Search' }).click();
      await c.getByText('No products match your search.').waitFor();
      const advice = (await c.locator('.catalogue .empty').textContent()) ?? '';
      expect(advice).toContain('"Nothing like this"');
      expect(advice).not.toMatch(/shorter/);
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

      // Where to deliver: the address asks for its street once another field is filled; the
      // point is set with the keyboard only (arrow keys move the map, Enter pins its centre).
      await c.getByLabel('Note for the courier').fill(ADDRESS['Note for the courier']);
      await c.getByRole('button', { name: 'Place order' }).click();
      await expect.poll(() => c.locator('#address-street').getAttribute('aria-invalid')).toBe('true');
      expect((await focused(c)).id).toBe('address-street');
      for (const [label, value] of Object.entries(ADDRESS)) await c.getByLabel(label).fill(value);
      const map = c.locator('.picker-map');
      await map.focus();
      await c.keyboard.press('ArrowRight');
      await c.keyboard.press('Enter');
      const picked = c.locator('[data-delivery-location]');
      await expect.poll(() => picked.getAttribute('data-delivery-location')).toMatch(/^44\.\d+, 20\.\d+$/);
      expect(await picked.textContent()).toContain('Pinned point on the map');
      // No tile server in tests: the grid says plainly that there is no map.
      await c.getByText('No map is available here').first().waitFor();
      await checkView(c, 'shop-cart', width);

      // Place the order: the cart empties, the order id is shown and focused.
      await c.getByRole('button', { name: 'Place order' }).click();
      const placed = c.getByText(/Order #\d+ placed/);
      await placed.waitFor();
      const orderId = Number(/#(\d+)/.exec((await placed.textContent()) ?? '')![1]);
      await c.getByText('Your cart is empty.').waitFor();
      await expect.poll(async () => (await focused(c)).text).toMatch(/Order #\d+ placed/);

      // The courier's board shows it live, with lines, total, customer and age.
      const card = k.locator(`.order[data-order-id="${orderId}"]`);
      await card.waitFor({ timeout: 10_000 });
      await expect.poll(() => card.textContent()).toContain('2 × Apple');
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(customerEmail);
      expect(text).toContain('1 × Milk');
      expect(text).toMatch(/4[.,]50/);
      expect(text).toContain('just now');
      // The address is the picking courier's only: the board says there is one.
      expect(text).toContain('The delivery address shows in My deliveries after you pick this up.');
      expect(text).toContain('Pinned point on the map');
      expect(text).not.toContain('Knez Mihailova');
      await checkView(k, 'courier-board', width);

      // The customer's orders: id, status, timeline.
      await c.getByRole('link', { name: 'My orders', exact: true }).click();
      const order = c.locator(`.order[data-order-id="${orderId}"]`);
      await order.waitFor();
      expect(await order.getAttribute('data-status')).toBe('CREATED');
      // What the customer entered, in words.
      const entered = (await order.locator('.destination').textContent()) ?? '';
      for (const part of Object.values(ADDRESS)) {
        expect(entered).toContain(part);
      }
      await checkView(c, 'customer-orders', width);

      // Pick up: the board empties, the customer's page changes live.
      await card.getByRole('button', { name: 'Pick up' }).click();
      await k.getByText(`Picked up order #${orderId}.`).waitFor();
      await expect.poll(() => card.count()).toBe(0);
      await k.getByText('No orders waiting.').waitFor();
      await expect.poll(() => order.getAttribute('data-status'), { timeout: 10_000 }).toBe('PENDING');
      await order.getByText('On the way').waitFor();
      await checkView(c, 'customer-on-the-way', width);

      // The courier's deliveries: the address, the point, and a Navigate link to a maps app.
      await k.getByRole('link', { name: 'My deliveries' }).click();
      const delivery = k.locator(`.order[data-order-id="${orderId}"]`);
      await expect.poll(() => delivery.getAttribute('data-status')).toBe('PENDING');
      const where = (await delivery.locator('.destination').textContent()) ?? '';
      for (const part of Object.values(ADDRESS)) {
        expect(where).toContain(part);
      }
      const navigate = delivery.getByRole('link', { name: /^Navigate to order/ });
      // Chromium on Linux is neither Android nor Apple: the OpenStreetMap route to the point.
      expect(await navigate.getAttribute('href')).toMatch(
        /^https:\/\/www\.openstreetmap\.org\/directions\?to=44\.\d{6},20\.\d{6}#map=17\//,
      );
      expect(await navigate.textContent()).toBe('Navigate');
      expect(await delivery.locator('[data-marker="destination"]').count()).toBe(1);
      await delivery.getByText('Waiting for the customer to confirm delivery.').waitFor();
      await checkView(k, 'courier-deliveries-on-the-way', width);

      // Confirm delivery: focus moves to the thank-you; the courier's page follows live, well
      // before any poll would have (it used to look every 15 s).
      await order.getByRole('button', { name: 'Confirm delivery' }).click();
      await expect.poll(() => order.getAttribute('data-status')).toBe('COMPLETE');
      await c.getByText(`Order #${orderId} is delivered.`).waitFor();
      await expect.poll(async () => (await focused(c)).text).toContain(`Order #${orderId} is delivered.`);
      await checkView(c, 'customer-delivered', width);
      await expect.poll(() => delivery.getAttribute('data-status'), { timeout: 5000 }).toBe('COMPLETE');
      await k.getByText(`Order #${orderId} was confirmed as delivered.`).waitFor({ timeout: 1000 });
      expect(await k.getByText('Waiting for the customer to confirm delivery.').count()).toBe(0);
      await checkView(k, 'courier-deliveries', width);

      // The network goes: "Offline" within 2 s; back: "Live" again after the replay.
      await k.context().setOffline(true);
      await k.locator('[data-state="offline"]').waitFor({ timeout: 2000 });
      expect(await k.locator('.connection').textContent()).toBe('Offline');
      await checkView(k, 'courier-offline', width);
      await k.context().setOffline(false);
      await waitLive(k);

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
