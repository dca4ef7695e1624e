// One-shot migration of the auth database only (compose `migrate-auth`, k8s Job `migrate-auth`):
// runs with the auth side's credentials and network, never touching the store side.
import { migrateAuthDatabase } from './auth-database.js';

try {
  await migrateAuthDatabase();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
