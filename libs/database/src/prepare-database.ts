import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { parseMysqlUrl } from './mysql-url.js';

const LOCK_TIMEOUT_SECONDS = 120;

/** Creates the database named in the URL if it does not exist yet (utf8mb4, binary collation). */
export async function ensureDatabase(url: string): Promise<void> {
  const { database, ...server } = parseMysqlUrl(url);
  const connection = await mysql.createConnection({ ...server, connectTimeout: 5000 });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
}

/** Drops the database named in the URL (tests and `npm run db:reset`). */
export async function dropDatabase(url: string): Promise<void> {
  const { database, ...server } = parseMysqlUrl(url);
  const connection = await mysql.createConnection({ ...server, connectTimeout: 5000 });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}

/**
 * Runs pending migrations while holding a named server lock, so that replicas starting together
 * migrate once: the others wait for the lock, then find nothing pending.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  const lockName = `shopwire_migrate_${String(dataSource.options.database)}`;
  await runner.connect();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, LOCK_TIMEOUT_SECONDS]);
    if (Number(row.acquired) !== 1) {
      throw new Error(`Could not acquire migration lock ${lockName} within ${LOCK_TIMEOUT_SECONDS}s`);
    }
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

/** Ensure the database exists, connect, migrate under the lock. Returns the ready DataSource. */
export async function openMigratedDataSource(url: string, dataSource: DataSource): Promise<DataSource> {
  await ensureDatabase(url);
  if (!dataSource.isInitialized) await dataSource.initialize();
  await migrateWithLock(dataSource);
  return dataSource;
}
