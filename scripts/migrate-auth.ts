// One-shot migration of the auth database only (compose `migrate-auth`, k8s Job `migrate-auth`):
// runs with the auth side's credentials and network, never touching the store side.
import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { redactUrl } from '@shopwire/database';
import { authConfigSchema } from '../apps/auth/src/auth.config.js';
import { prepareAuthDatabase } from '../apps/auth/src/prepare-auth-database.js';

const config = loadConfig(authConfigSchema);
const auth = await prepareAuthDatabase(config);
await auth.destroy();
console.log(`migrated ${redactUrl(config.AUTH_DATABASE_URL)}`);
