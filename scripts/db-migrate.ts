// `npm run db:migrate`: create (if missing) and migrate both databases, seed the owners.
// Migrations run under a lock and are written to be safe under running apps, but say so when
// apps are connected: the running code may not expect the new schema until restarted.
import 'reflect-metadata';
import { otherSessionsOn, redactUrl } from '@shopwire/database';
import { openStoreDatabase, DEFAULT_STORE_DATABASE_URL } from '@shopwire/store-data';
import { authDatabaseUrl, migrateAuthDatabase } from './auth-database.js';

const authUrl = authDatabaseUrl();
const storeUrl = process.env.STORE_DATABASE_URL ?? DEFAULT_STORE_DATABASE_URL;
for (const url of [authUrl, storeUrl]) {
  const sessions = await otherSessionsOn(url).catch(() => 0); // a missing server fails below, clearly
  if (sessions > 0) {
    console.warn(`warning: ${redactUrl(url)} is in use by ${sessions} connection(s); restart the apps after migrating`);
  }
}
await migrateAuthDatabase();
const store = await openStoreDatabase(storeUrl);
await store.destroy();
console.log('auth and store databases are migrated');
