import { createAuthDataSource } from '@shopwire/auth-data';
import { openMigratedDataSource } from '@shopwire/database';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts/accounts.repository.js';
import type { AuthConfig } from './auth.config.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { DEFAULT_OWNER } from './seeding/owner-seed.js';
import { readOwnersFile } from './seeding/owners-file.js';
import { seedOwners } from './seeding/seed-owners.js';

/** Creates the auth database if missing, migrates it under a lock, and seeds the owners. */
export async function prepareAuthDatabase(config: AuthConfig): Promise<DataSource> {
  // Read the owners file first: a broken file fails the start before any connection is opened.
  const owners = [DEFAULT_OWNER, ...(await readOwnersFile(config.OWNERS_FILE))];
  const dataSource = await openMigratedDataSource(
    config.AUTH_DATABASE_URL,
    createAuthDataSource(config.AUTH_DATABASE_URL, config.DB_POOL_SIZE),
  );
  try {
    await seedOwners(new AccountsRepository(dataSource), new PasswordHasher(), owners);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
