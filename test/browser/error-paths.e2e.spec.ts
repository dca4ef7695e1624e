import { signTestToken, TEST_JWT_SECRET } from '@shopwire/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  checkView,
  importCatalogue,
  launchBrowser,
  openApp,
  signIn,
  startWebPlatform,
  waitLive,
  type WebPlatform,
} from '@shopwire/test-support/browser';

const WIDTH = 390;
const SESSION_KEY = 'shopwire.session';

/** What goes wrong, in the browser: wrong password, double clicks, expired sessions, reconnects. */
describe('web app error paths (Chromium)', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let people = 0;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startWebPlatform('web_errors'), launchBrowser()]);
    await importCatalogue(platform, 'Fruit,Apple,1.25\nDairy,Milk,2\n');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function signedIn(role: 'customer' | 'courier'): Promise<{ page: Page; email: string; errors: string[] }> {
    const email = `${role}.${++people}@example.org`;
    await platform.register(role, email);
    const { page, errors } = await openApp(browser, platform.url, WIDTH);
    await signIn(page, email);
    await waitLive(page);
    return { page, email, errors };
  }

  const ordersOf = async (email: string) =>
    (await platform.stack.customer.get('/my_orders', { token: signTestToken(email, 'customer') })).body.orders as {
      id: number;
      status: string;
    }[];

  it('explains a wrong password in words and keeps the contract message as detail', async () => {
    const email = `wrong.${++people}@example.org`;
    await platform.register('customer', email);
    const { page, errors } = await openApp(browser, platform.url, WIDTH);
    await signIn(page, email, 'not the password');
    const alert = page.getByRole('alert');
    await alert.getByText('That email and password do not match an account.').waitFor();
    await alert.getByText('Details').click();
    await alert.getByText('Invalid credentials.').waitFor();
    await checkView(page, 'sign-in-wrong-password', WIDTH);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitLive(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('can be used with the keyboard alone: sign in, add to cart, jump to the cart, place the order', async () => {
    const email = `keys.${++people}@example.org`;
    await platform.register('customer', email);
    const { page, errors } = await openApp(browser, platform.url, WIDTH);
    /** Tabs until the focused element is the control named `name` (fails after 40 stops). */
    const tabTo = async (name: string) => {
      for (let stop = 0; stop < 40; stop++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
        if (focused.startsWith(name)) return;
      }
      throw new Error(`"${name}" is not reachable with Tab`);
    };
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await waitLive(page);
    await page.getByText('2 products').waitFor();
    await tabTo('Add to cart');
    await page.keyboard.press('Enter');
    await page.getByText(/added to your cart/).waitFor({ state: 'attached' });
    await tabTo('View cart');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cart-title');
    await tabTo('Place order');
    await page.keyboard.press('Enter');
    await page.getByText(/Order #\d+ placed/).waitFor();
    expect(await ordersOf(email)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('places one order for a double click on "Place order", and clears the cart', async () => {
    const { page, email, errors } = await signedIn('customer');
    await page.locator('.product', { hasText: 'Apple' }).getByRole('button', { name: 'Add to cart' }).click();
    // Two clicks in the same tick: the second one sees the button still enabled.
    await page.getByRole('button', { name: 'Place order' }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await page.getByText(/Order #\d+ placed/).waitFor();
    await page.getByText('Your cart is empty.').waitFor();
    expect(await page.getByRole('button', { name: 'Place order' }).isDisabled()).toBe(true);
    expect(await ordersOf(email)).toHaveLength(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('warns before the session ends and signs in again in place, keeping the cart and the form', async () => {
    const { page, email, errors } = await signedIn('customer');
    await page.locator('.product', { hasText: 'Apple' }).getByRole('button', { name: 'Add to cart' }).click();
    // A session that ends in a few seconds, as one issued an hour ago would: inside the warning time.
    const now = Math.floor(Date.now() / 1000);
    const shortLived = signTestToken(email, 'customer', { nbf: now - 3580, iat: now - 3580, exp: now + 20 });
    await page.evaluate(([key, token]) => sessionStorage.setItem(key, token), [SESSION_KEY, shortLived]);
    await page.reload();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    const prompt = page.getByRole('dialog');
    await prompt.getByRole('heading', { name: 'Your session ends soon' }).waitFor();
    await checkView(page, 'session-ends-soon', WIDTH);
    await prompt.getByRole('button', { name: 'Later' }).click();
    await expect.poll(() => prompt.isVisible()).toBe(false);
    await page.getByLabel('Street and number').fill('Knez Mihailova 12');

    // Expired: the same prompt, now without "Later"; the page underneath stays as it was.
    await prompt.getByRole('heading', { name: 'Your session has expired. Please sign in again.' }).waitFor({
      timeout: 40_000,
    });
    expect(await prompt.getByRole('button', { name: 'Later' }).count()).toBe(0);
    await checkView(page, 'session-expired', WIDTH);
    // What the person sees (a full-page capture shows the dialog's backdrop over one screen only).
    await page.screenshot({ path: `test-artifacts/browser/session-expired-screen-${WIDTH}.png` });
    await prompt.getByLabel('Password').fill(PASSWORD);
    await prompt.getByRole('button', { name: 'Sign in again' }).click();
    await expect.poll(() => prompt.isVisible()).toBe(false);
    expect(await page.getByLabel('Street and number').inputValue()).toBe('Knez Mihailova 12');
    expect(await page.getByLabel('Quantity of Apple').inputValue()).toBe('1');
    const renewed = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
    expect(renewed).not.toBe(shortLived);
    await waitLive(page);
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText(/Order #\d+ placed/).waitFor();
    expect(await ordersOf(email)).toHaveLength(1);

    // A token the services refuse (here: signed with another secret) brings the same prompt.
    const refused = signTestToken(email, 'customer', {}, `${TEST_JWT_SECRET}-rotated`);
    await page.evaluate(([key, token]) => sessionStorage.setItem(key, token), [SESSION_KEY, refused]);
    await page.reload();
    await prompt.getByRole('heading', { name: 'Your session has expired. Please sign in again.' }).waitFor();
    await prompt.getByLabel('Password').fill(PASSWORD);
    await prompt.getByRole('button', { name: 'Sign in again' }).click();
    await expect.poll(() => prompt.isVisible()).toBe(false);
    await waitLive(page);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('catches up after a reconnect: a pick-up while the live connection was down shows without a reload', async () => {
    const { page, errors } = await signedIn('customer');
    await page.locator('.product', { hasText: 'Milk' }).getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    const orderId = Number(/#(\d+)/.exec((await page.getByText(/Order #\d+ placed/).textContent()) ?? '')![1]);
    await page.getByRole('link', { name: 'My orders', exact: true }).click();
    const order = page.locator(`.order[data-order-id="${orderId}"]`);
    await expect.poll(() => order.getAttribute('data-status')).toBe('CREATED');

    await platform.withRealtimeDown(async () => {
      await page.locator('[data-state="reconnecting"]').waitFor({ timeout: 10_000 });
      const courier = signTestToken(`courier.${++people}@example.org`, 'courier');
      const pickUp = await platform.stack.courier.post('/pick_up_order', { id: orderId }, { token: courier });
      expect(pickUp.status).toBe(200);
      expect(await order.getAttribute('data-status')).toBe('CREATED');
    });
    await waitLive(page);
    await expect.poll(() => order.getAttribute('data-status'), { timeout: 10_000 }).toBe('PENDING');
    await order.getByRole('button', { name: 'Confirm delivery' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('tells a courier that an order was taken by someone else, and removes it', async () => {
    const customer = await signedIn('customer');
    const first = await signedIn('courier');
    const second = await signedIn('courier');
    await customer.page.locator('.product', { hasText: 'Apple' }).getByRole('button', { name: 'Add to cart' }).click();
    await customer.page.getByRole('button', { name: 'Place order' }).click();
    const orderId = Number(/#(\d+)/.exec((await customer.page.getByText(/Order #\d+ placed/).textContent()) ?? '')![1]);
    const onFirst = first.page.locator(`.order[data-order-id="${orderId}"]`);
    const onSecond = second.page.locator(`.order[data-order-id="${orderId}"]`);
    await Promise.all([onFirst.waitFor(), onSecond.waitFor()]);
    await second.page.getByText(`New order #${orderId} from ${customer.email}.`).waitFor();

    await onFirst.getByRole('button', { name: 'Pick up' }).click();
    await second.page.getByText(`Order #${orderId} was taken by another courier.`).waitFor();
    await expect.poll(() => onSecond.count()).toBe(0);
    await checkView(second.page, 'courier-board-taken', WIDTH);
    expect([...customer.errors, ...first.errors, ...second.errors]).toEqual([]);
    await Promise.all([customer, first, second].map(({ page }) => page.context().close()));
  }, 120_000);
});
