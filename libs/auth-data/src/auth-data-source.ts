import { createMysqlDataSource } from '@shopwire/database';
import type { DataSource } from 'typeorm';
import { authEntities } from './entities/index.js';
import { authMigrations } from './migrations/index.js';

export const DEFAULT_AUTH_DATABASE_URL = 'mysql://root@127.0.0.1:3306/shopwire_auth';

/** The authentication database: accounts only. The store side never connects to it. */
export function createAuthDataSource(url: string, poolSize?: number): DataSource {
  return createMysqlDataSource({ url, entities: authEntities, migrations: authMigrations, poolSize });
}
