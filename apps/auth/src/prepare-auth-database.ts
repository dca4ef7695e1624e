import { createAuthDataSource } from '@shopwire/auth-data';
import { openMigratedDataSource } from '@shopwire/database';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from './auth.config.js';

/** Creates the auth database if missing, migrates it under a lock, and seeds the owners. */
export async function prepareAuthDatabase(config: AuthConfig): Promise<DataSource> {
  const dataSource = await openMigratedDataSource(
    config.AUTH_DATABASE_URL,
    createAuthDataSource(config.AUTH_DATABASE_URL, config.DB_POOL_SIZE),
  );
  return dataSource;
}
