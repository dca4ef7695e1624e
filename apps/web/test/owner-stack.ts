import { loadConfig } from '@shopwire/config';
import {
  createTestDatabase,
  httpClient,
  listenForTest,
  testEnv,
  type HttpClient,
  type RunningTestApp,
} from '@shopwire/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { authConfigSchema } from '../../auth/src/auth.config.js';
import { createAuthApp } from '../../auth/src/create-auth-app.js';
import { createRealtimeApp } from '../../realtime/src/create-realtime-app.js';
import { realtimeConfigSchema } from '../../realtime/src/realtime.config.js';
import { freePort } from '../../realtime/test/private-redis.js';
import { startStoreStack, type StoreStack } from '../../../test/support/store-stack.js';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The platform a browser test needs, in process on loopback: auth (seeds the owner), owner,
 * customer and courier on a fresh store database, and the realtime app serving the built web app
 * (`npm run build` first) on a port chosen up front, since every service's CORS must allow it.
 */
export interface WebStack {
  url: string;
  auth: HttpClient;
  store: StoreStack;
  close(): Promise<void>;
}

export async function startWebStack(label: string, env: Record<string, string> = {}): Promise<WebStack> {
  const authDb = await createTestDatabase(`${label}_auth`);
  const pagePort = await freePort();
  const url = `http://127.0.0.1:${pagePort}`;
  const shared = { CORS_ORIGINS: url, ...env };
  let auth: RunningTestApp | undefined;
  let store: StoreStack | undefined;
  try {
    auth = await listenForTest(
      await createAuthApp(loadConfig(authConfigSchema, testEnv({ AUTH_DATABASE_URL: authDb.url, ...shared }))),
    );
    store = await startStoreStack({ label, owner: 1, customer: 1, courier: 1, env: shared });
    const realtime = await createRealtimeApp(
      loadConfig(realtimeConfigSchema, {
        ...store.env,
        AUTH_PUBLIC_URL: auth.url,
        OWNER_PUBLIC_URL: store.urls.owner[0]!,
        CUSTOMER_PUBLIC_URL: store.urls.customer[0]!,
        COURIER_PUBLIC_URL: store.urls.courier[0]!,
      }),
    );
    await realtime.listen(pagePort, '127.0.0.1');
    const running = { auth, store };
    return {
      url,
      auth: httpClient(auth.url),
      store,
      async close() {
        await realtime.close();
        await Promise.all([running.store.close(), running.auth.close()]);
        await authDb.drop();
      },
    };
  } catch (error) {
    await Promise.all([store?.close(), auth?.close()]);
    await authDb.drop();
    throw error;
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

export interface RecordedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
}

/** A fresh context at a viewport width; requests to anything but loopback are recorded and refused. */
export async function openPage(browser: Browser, width: number): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return ['127.0.0.1', 'localhost'].includes(new URL(url).hostname) ? route.continue() : route.abort();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { context, page, requests, errors };
}
