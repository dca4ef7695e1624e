import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_AUTH_DATABASE_URL } from '@shopwire/auth-data';

/** The auth database's URL as the auth app reads it (it validates the rest of its config itself). */
export const authDatabaseUrl = (): string => process.env.AUTH_DATABASE_URL ?? DEFAULT_AUTH_DATABASE_URL;

/**
 * Migrates the auth database and seeds the owners by running the auth app's own entry for it
 * (its migrations, config and seeding stay the auth app's), as a process — the way start-all
 * runs the apps — so no script imports app code. Scripts run built, from dist/scripts.
 */
export function migrateAuthDatabase(): Promise<void> {
  const entry = fileURLToPath(new URL('../apps/auth/src/migrate-auth-database.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`migrating the auth database failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
