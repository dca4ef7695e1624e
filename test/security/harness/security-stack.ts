import { createTestDatabase, signTestToken } from '@shopwire/testing';
import type { RunningTestApp } from '@shopwire/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll } from 'vitest';
import { isStoreService, startService, type ServiceName } from './services.js';
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
  const databases: Array<{ drop: () => Promise<void> }> = [];
  const stack: SecurityStack = {
    url: (service) => appOf(service).url,
    app: (service) => appOf(service),
    storeDataSource: () => appOf(services.find(isStoreService)!).app.get(DataSource),
  };
  function appOf(service: ServiceName): RunningTestApp {
    const app = running.get(service);
    if (!app) throw new Error(`${service} is not part of this stack`);
    return app;
  }

  beforeAll(async () => {
    const needsAuth = services.includes('auth');
    const needsStore = services.some(isStoreService);
    const authDb = needsAuth ? await createTestDatabase(`${label}_auth`) : undefined;
    const storeDb = needsStore ? await createTestDatabase(`${label}_store`) : undefined;
    databases.push(...[authDb, storeDb].filter((db) => db !== undefined));
    for (const service of services) {
      const databaseUrl = isStoreService(service) ? storeDb!.url : authDb!.url;
      running.set(service, await startService(service, databaseUrl, env));
    }
    if (authDb) stack.authCounter = await TableCounter.open(authDb.url, AUTH_TABLES);
    if (storeDb) stack.storeCounter = await TableCounter.open(storeDb.url, STORE_TABLES);
  });
  afterAll(async () => {
    await stack.authCounter?.close();
    await stack.storeCounter?.close();
    for (const app of running.values()) await app.close();
    for (const database of databases) await database.drop();
  });
  return stack;
}

/** Well-formed tokens of each role, signed with the test secret. */
export const tokens = {
  owner: () => signTestToken('onlymoney@gmail.com', 'owner'),
  customer: (email = 'fuzz.customer@example.org') => signTestToken(email, 'customer'),
  courier: (email = 'fuzz.courier@example.org') => signTestToken(email, 'courier'),
};
