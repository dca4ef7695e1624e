// `npm run db:migrate`: create (if missing) and migrate both databases, seed the owners.
import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { openStoreDatabase, DEFAULT_STORE_DATABASE_URL } from '@shopwire/store-data';
import { authConfigSchema } from '../apps/auth/src/auth.config.js';
import { prepareAuthDatabase } from '../apps/auth/src/prepare-auth-database.js';

const authConfig = loadConfig(authConfigSchema);
const auth = await prepareAuthDatabase(authConfig);
await auth.destroy();
const store = await openStoreDatabase(process.env.STORE_DATABASE_URL ?? DEFAULT_STORE_DATABASE_URL);
await store.destroy();
console.log('auth and store databases are migrated');
