// The store side of shopwire (no auth service: tokens are signed locally) started from the build,
// one process per app, against one database and one Redis.
import { ShopwireApp } from '../../scripts/lib/shopwire-app.mjs';

export const STORE_APPS = ['customer', 'courier', 'owner', 'realtime', 'worker'];

/** Starts `apps` in parallel (migrations run once, under the apps' own lock); returns them by name. */
export async function startStoreStack(workDir, { databaseUrl, redisUrl, apps = STORE_APPS, env = {} }) {
  const shared = {
    STORE_DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    // The worker's safety-net job: short, so that a scenario's wait for it stays short.
    STATS_CATCH_UP_EVERY_MS: '1000',
    ...env,
  };
  const started = await Promise.all(apps.map((name) => ShopwireApp.start(name, shared, workDir)));
  return Object.fromEntries(apps.map((name, index) => [name, started[index]]));
}
