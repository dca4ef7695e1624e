import { createAuthDataSource } from '@shopwire/auth-data';
import { openMigratedDataSource } from '@shopwire/database';
import type { DataSource } from 'typeorm';
import { AccountsRepository } from './accounts/accounts.repository.js';
import type { AuthConfig } from './auth.config.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { WELL_KNOWN_OWNER_PASSWORD } from './seeding/owner-seed.js';
import { OwnersFileError, readOwnersFile } from './seeding/owners-file.js';
import { retireWellKnownOwner, seedConfiguredOwner } from './seeding/seed-configured-owner.js';
import { seedOwners } from './seeding/seed-owners.js';

/** Creates the auth database if missing, migrates it under a lock, and seeds the owners. */
export async function prepareAuthDatabase(config: AuthConfig): Promise<DataSource> {
  // Read the owners file first: a broken file fails the start before any connection is opened.
  const fileOwners = await readOwnersFile(config.OWNERS_FILE);
  const allowed = config.WELL_KNOWN_OWNER_PASSWORD_ALLOWED;
  if (!allowed && fileOwners.some((owner) => owner.password === WELL_KNOWN_OWNER_PASSWORD)) {
    throw new OwnersFileError('OWNERS_FILE: an owner has the publicly known contract password');
  }
  const dataSource = await openMigratedDataSource(
    config.AUTH_DATABASE_URL,
    createAuthDataSource(config.AUTH_DATABASE_URL, config.DB_POOL_SIZE),
  );
  try {
    const accounts = new AccountsRepository(dataSource);
    const passwords = new PasswordHasher();
    const owner = config.OWNER;
    if (owner.fromEnvironment) {
      await seedConfiguredOwner(accounts, passwords, owner, allowed);
    } else {
      const { forename, surname, email, password = '' } = owner;
      await seedOwners(accounts, passwords, [{ forename, surname, email, password }]);
    }
    await seedOwners(accounts, passwords, fileOwners);
    if (!allowed) await retireWellKnownOwner(accounts, passwords, owner.email);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
