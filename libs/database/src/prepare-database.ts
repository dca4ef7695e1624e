import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { parseMysqlUrl } from './mysql-url.js';
import { withNamedLock } from './transactions.js';

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
export function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  return withNamedLock(dataSource, 'shopwire_migrate', LOCK_TIMEOUT_SECONDS, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  });
}

/** Ensure the database exists, connect, migrate under the lock. Returns the ready DataSource. */
export async function openMigratedDataSource(url: string, dataSource: DataSource): Promise<DataSource> {
  await ensureDatabase(url);
  if (!dataSource.isInitialized) await dataSource.initialize();
  await migrateWithLock(dataSource);
  return dataSource;
}

/**
 * How many other sessions use the database named in the URL (running apps, workers, consoles):
 * `db:reset` refuses to pull a database from under them unless told to.
 */
export async function otherSessionsOn(url: string): Promise<number> {
  const { database, ...server } = parseMysqlUrl(url);
  const connection = await mysql.createConnection({ ...server, connectTimeout: 5000 });
  try {
    const [rows] = await connection.query(
      'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()',
      [database],
    );
    return Number((rows as Array<{ n: number }>)[0].n);
  } finally {
    await connection.end();
  }
}
