import { createMysqlDataSource, openMigratedDataSource } from '@shopwire/database';
import type { DataSource } from 'typeorm';
import { storeEntities } from './entities/index.js';
import { storeMigrations } from './migrations/index.js';

export const DEFAULT_STORE_DATABASE_URL = 'mysql://root@127.0.0.1:3306/shopwire_store';

/** The store database: categories, products, orders, items, order events. */
export function createStoreDataSource(url: string, poolSize?: number): DataSource {
  return createMysqlDataSource({ url, entities: storeEntities, migrations: storeMigrations, poolSize });
}

/** Creates the store database if missing and migrates it under a lock; returns it connected. */
export function openStoreDatabase(url: string, poolSize?: number): Promise<DataSource> {
  return openMigratedDataSource(url, createStoreDataSource(url, poolSize));
}
