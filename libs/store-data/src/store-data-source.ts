import { createMysqlDataSource, openMigratedDataSource } from '@shopwire/database';
import type { DataSource } from 'typeorm';
import { storeMigrations } from './migrations/index.js';

export const DEFAULT_STORE_DATABASE_URL = 'mysql://root@127.0.0.1:3306/shopwire_store';

/**
 * The store database: categories, products, orders, items, order events. No entities: every
 * access is SQL in the table's repository (ADR 0011 item 4).
 */
export function createStoreDataSource(url: string, poolSize?: number): DataSource {
  return createMysqlDataSource({ url, entities: [], migrations: storeMigrations, poolSize });
}

/** Creates the store database if missing and migrates it under a lock; returns it connected. */
export function openStoreDatabase(url: string, poolSize?: number): Promise<DataSource> {
  return openMigratedDataSource(url, createStoreDataSource(url, poolSize));
}
