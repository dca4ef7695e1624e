// `npm run db:reset`: drop both databases and recreate them migrated, with only the owners
// seeded — a fresh, empty platform for development and demos.
import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { dropDatabase, redactUrl } from '@shopwire/database';
import { DEFAULT_STORE_DATABASE_URL, openStoreDatabase } from '@shopwire/store-data';
import { authConfigSchema } from '../apps/auth/src/auth.config.js';
import { prepareAuthDatabase } from '../apps/auth/src/prepare-auth-database.js';

const authConfig = loadConfig(authConfigSchema);
const storeUrl = process.env.STORE_DATABASE_URL ?? DEFAULT_STORE_DATABASE_URL;
await dropDatabase(authConfig.AUTH_DATABASE_URL);
await dropDatabase(storeUrl);
const auth = await prepareAuthDatabase(authConfig);
await auth.destroy();
const store = await openStoreDatabase(storeUrl);
await store.destroy();
console.log(`reset ${redactUrl(authConfig.AUTH_DATABASE_URL)} and ${redactUrl(storeUrl)}`);
