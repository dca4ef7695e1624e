// One-shot migration of the store database only (compose `migrate-store`, k8s Job `migrate-store`):
// runs with the store side's credentials and network, never touching the auth side.
import 'reflect-metadata';
import { loadConfig, z } from '@shopwire/config';
import { redactUrl } from '@shopwire/database';
import { openStoreDatabase, storeConfigShape } from '@shopwire/store-data';

const config = loadConfig(z.object({ STORE_DATABASE_URL: storeConfigShape.STORE_DATABASE_URL }));
const store = await openStoreDatabase(config.STORE_DATABASE_URL);
await store.destroy();
console.log(`migrated ${redactUrl(config.STORE_DATABASE_URL)}`);
