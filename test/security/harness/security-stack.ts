import { createTestDatabase, signTestToken, type RunningTestApp } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';
import { isStoreService, SECURITY_ENV, startAuthService, type ServiceName } from './services.js';
import { AUTH_TABLES, STORE_TABLES, TableCounter } from './table-counts.js';

/** The apps of one test file, their databases, and counters over the tables that must not move. */
export interface SecurityStack {
  url: (service: ServiceName) => string;
  app: (service: ServiceName) => RunningTestApp;
  /** A connection of the store apps, for seeding (only when a store service runs). */
  storeDataSource: () => DataSource;
  authCounter?: TableCounter;
  storeCounter?: TableCounter;
}

/**
 * Registers beforeAll/afterAll that create this file's own auth and/or store database, boot the
 * listed services over real HTTP, and drop everything at the end.
 */
export function useSecurityStack(
  label: string,
  services: readonly ServiceName[],
  env: Record<string, string> = {},
): SecurityStack {
  const running = new Map<ServiceName, RunningTestApp>();
  let authDb: { drop: () => Promise<void> } | undefined;
  let store: StoreStack | undefined;
  const stack: SecurityStack = {
    url: (service) => appOf(service).url,
    app: (service) => appOf(service),
    storeDataSource: () => {
      if (!store) throw new Error('no store service is part of this stack');
      return store.dataSource;
    },
  };
  function appOf(service: ServiceName): RunningTestApp {
    const app = running.get(service);
    if (!app) throw new Error(`${service} is not part of this stack`);
    return app;
  }

  beforeAll(async () => {
    if (services.includes('auth')) {
      const db = (authDb = await createTestDatabase(`${label}_auth`));
      running.set('auth', await startAuthService(db.url, env));
      stack.authCounter = await TableCounter.open(db.url, AUTH_TABLES);
    }
    const storeServices = services.filter(isStoreService);
    if (storeServices.length > 0) {
      const replicas = Object.fromEntries(storeServices.map((service) => [service, 1]));
      store = await startStoreStack({ label: `${label}_store`, ...replicas, env: { ...SECURITY_ENV, ...env } });
      for (const service of storeServices) running.set(service, store.apps[service][0]);
      stack.storeCounter = await TableCounter.open(store.db.url, STORE_TABLES);
    }
  });
  afterAll(async () => {
    await stack.authCounter?.close();
    await stack.storeCounter?.close();
    await running.get('auth')?.close();
    await store?.close();
    await authDb?.drop();
  });
  return stack;
}

/** Well-formed tokens of each role, signed with the test secret. */
export const tokens = {
  owner: () => signTestToken('onlymoney@gmail.com', 'owner'),
  customer: (email = 'fuzz.customer@example.org') => signTestToken(email, 'customer'),
  courier: (email = 'fuzz.courier@example.org') => signTestToken(email, 'courier'),
};
