import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import {
  createTestDatabase,
  freePort,
  httpClient,
  listenForTest,
  signTestToken,
  testEnv,
  type RunningTestApp,
} from '@shopwire/testing';
import { build } from 'vite';
import { createAppFromEnv } from '../app-boot.js';
import { startStoreStack, type StoreStack } from '../store-stack.js';

export const PASSWORD = 'password123';

/** The web app built from source into a temporary directory (what `npm run build` ships). */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'shopwire-web-'));
  await build({
    configFile: fileURLToPath(new URL('../../../apps/web/vite.config.ts', import.meta.url)),
    build: { outDir, emptyOutDir: true },
    logLevel: 'error',
  });
  return outDir;
}

/** The whole platform a browser talks to: auth, owner, customer, courier, and realtime serving the app. */
export interface WebPlatform {
  /** The page's origin (the realtime app). */
  url: string;
  auth: RunningTestApp;
  stack: StoreStack;
  register(role: 'customer' | 'courier', email: string): Promise<void>;
  /** A real access token of a registered account (with its incarnation in `jti`, as the page has). */
  login(email: string): Promise<string>;
  /** Stops the realtime app, runs `meanwhile`, starts it again on the same port. */
  withRealtimeDown(meanwhile: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** `env`: added to the store services' environment (e.g. PUSH_ENDPOINT_HOSTS for a local push service). */
export async function startWebPlatform(label: string, env: Record<string, string> = {}): Promise<WebPlatform> {
  const [webDir, authDb, pagePort] = await Promise.all([
    buildWebApp(),
    createTestDatabase(`${label}_auth`),
    freePort(),
  ]);
  // The page's origin must be known before the services start (their CORS allows it).
  const origin = `http://127.0.0.1:${pagePort}`;
  const auth = await listenForTest(
    await createAppFromEnv('auth', testEnv({ AUTH_DATABASE_URL: authDb.url, CORS_ORIGINS: origin })),
  );
  const stack = await startStoreStack({
    label,
    owner: 1,
    customer: 1,
    courier: 1,
    env: { ...env, CORS_ORIGINS: origin },
  });
  const realtimeEnv = {
    ...stack.env,
    CORS_ORIGINS: origin,
    AUTH_PUBLIC_URL: auth.url,
    OWNER_PUBLIC_URL: stack.urls.owner[0],
    CUSTOMER_PUBLIC_URL: stack.urls.customer[0],
    COURIER_PUBLIC_URL: stack.urls.courier[0],
    WEB_DIR: webDir,
  };
  const startRealtime = async () => {
    const app = await createAppFromEnv('realtime', realtimeEnv);
    await app.listen(pagePort, '127.0.0.1');
    return app;
  };
  let realtime: INestApplication | null = await startRealtime();
  const authHttp = httpClient(auth.url);

  return {
    url: origin,
    auth,
    stack,
    async register(role, email) {
      const body = { forename: 'Test', surname: 'User', email, password: PASSWORD };
      const response = await authHttp.post(`/register_${role}`, body);
      if (response.status !== 200) throw new Error(`register ${email}: ${response.status} ${response.text}`);
    },
    async login(email) {
      const response = await authHttp.post('/login', { email, password: PASSWORD });
      if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.text}`);
      return response.body.accessToken as string;
    },
    async withRealtimeDown(meanwhile) {
      await realtime?.close();
      realtime = null;
      await meanwhile();
      realtime = await startRealtime();
    },
    async close() {
      await realtime?.close();
      await Promise.all([stack.close(), auth.close()]);
      await authDb.drop();
    },
  };
}

/** Imports a catalogue as the owner does (CSV to `/update`), so search sees it as it would. */
export async function importCatalogue(platform: WebPlatform, csv: string): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'catalogue.csv');
  const response = await fetch(`${platform.stack.urls.owner[0]}/update`, {
    method: 'POST',
    headers: { authorization: `Bearer ${signTestToken('onlymoney@gmail.com', 'owner')}` },
    body: form,
  });
  if (response.status !== 200) throw new Error(`/update answered ${response.status}: ${await response.text()}`);
}
