// `npm run db:reset`: drop both databases and recreate them migrated, with only the owners
// seeded — a fresh, empty platform for development and demos. Refuses while anything is
// connected to them (running apps) unless given --force: running apps follow a reset (new store
// epoch, see docs/adr), but their clients see everything vanish.
import 'reflect-metadata';
import { dropDatabase, otherSessionsOn, redactUrl } from '@shopwire/database';
import { DEFAULT_STORE_DATABASE_URL, openStoreDatabase } from '@shopwire/store-data';
import { authDatabaseUrl, migrateAuthDatabase } from './auth-database.js';

const authUrl = authDatabaseUrl();
const storeUrl = process.env.STORE_DATABASE_URL ?? DEFAULT_STORE_DATABASE_URL;
const urls = [authUrl, storeUrl];
const inUse = (await Promise.all(urls.map(async (url) => [url, await otherSessionsOn(url)] as const))).filter(
  ([, sessions]) => sessions > 0,
);
if (inUse.length > 0 && !process.argv.includes('--force')) {
  for (const [url, sessions] of inUse) console.error(`${redactUrl(url)} is in use by ${sessions} connection(s).`);
  console.error('Stop the apps first (Ctrl-C in the `npm start` terminal), or run: npm run db:reset -- --force');
  process.exit(1);
}
await dropDatabase(authUrl);
await dropDatabase(storeUrl);
await migrateAuthDatabase();
const store = await openStoreDatabase(storeUrl);
await store.destroy();
console.log(`reset ${redactUrl(authUrl)} and ${redactUrl(storeUrl)}`);
