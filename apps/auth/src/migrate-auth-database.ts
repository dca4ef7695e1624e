// Entry (node dist/apps/auth/src/migrate-auth-database.js): create if missing and migrate the auth
// database, seed the owners, exit. The auth app owns its database; `npm run db:migrate`,
// `db:reset` and the `migrate-auth` Job (dist/scripts/migrate-auth.js) run this file as a process.
import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { redactUrl } from '@shopwire/database';
import { authConfigSchema } from './auth.config.js';
import { prepareAuthDatabase } from './prepare-auth-database.js';

const config = loadConfig(authConfigSchema);
const auth = await prepareAuthDatabase(config);
await auth.destroy();
console.log(`migrated ${redactUrl(config.AUTH_DATABASE_URL)}`);
