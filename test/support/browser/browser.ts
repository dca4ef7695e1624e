import { mkdir } from 'node:fs/promises';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../chromium.mjs';
import { PASSWORD } from './web-platform.js';

export const ARTIFACTS = 'test-artifacts/browser';

/** Debian's Chromium, headless and quiet on a closed network; `extraFlags` for what a test adds. */
export async function launchBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return launchChromium(extraFlags);
}

/** A page in a fresh context (its own storage: one person) whose browser errors fail the test. */
export interface AppPage {
  page: Page;
  errors: string[];
}

export async function openApp(browser: Browser, url: string, width: number): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width, height: 820 } });
  const page = await context.newPage();
  // The machine runs many things at once: generous waits, never fixed sleeps.
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A refused call is shown to the user and a refused reconnect is retried; Chromium also logs
    // both, which are not page errors.
    const expected = /Failed to load resource|WebSocket connection to .* failed/;
    if (message.type() === 'error' && !expected.test(message.text())) errors.push(message.text());
  });
  await page.goto(url, { timeout: 30_000 });
  return { page, errors };
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-state="live"]').waitFor({ timeout: 20_000 });
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  // Evaluated through DevTools, not added as an inline <script>: the pages' CSP refuses those.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // Contrast is judged on what a person sees once a card has arrived, not mid fade-in; on a busy
  // machine the 0.6 s arrival animation can still be running when axe looks.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${view}`).toEqual([]);
}

/** Usable at this width: nothing scrolls sideways. */
export async function expectNoSideScroll(page: Page, view: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, `${view} scrolls sideways`).toBeLessThanOrEqual(width);
}

/** Accessible, no sideways scrolling, and a screenshot as a test artifact. */
export async function checkView(page: Page, view: string, width: number): Promise<void> {
  await expectNoSideScroll(page, view);
  await expectAccessible(page, view);
  await page.screenshot({ path: `${ARTIFACTS}/${view}-${width}.png`, fullPage: true });
}
