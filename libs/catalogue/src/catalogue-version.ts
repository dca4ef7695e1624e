import { STORE_EPOCH_SQL } from '@shopwire/store-data';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The catalogue's version is the highest product id. That is only sound because every catalogue
 * write (the CSV import) runs under this one named lock, committing before it releases: product
 * ids then become visible in increasing order, so a reader that has seen every id up to V can
 * catch up by loading only the ids above V. Products are never updated or deleted.
 */
const CATALOGUE_WRITE_LOCK = 'shopwire_catalogue_write';

/** How long an import waits for another one to finish before giving up. */
const LOCK_WAIT_SECONDS = 60;

export class CatalogueLockTimeoutError extends Error {
  override name = 'CatalogueLockTimeoutError';
  constructor(lockName: string) {
    super(`Could not acquire ${lockName} within ${LOCK_WAIT_SECONDS}s`);
  }
}

/**
 * Runs `work` on one connection that holds the catalogue write lock. The lock is a session lock
 * (GET_LOCK), so it is released explicitly — and by the server if the connection dies.
 */
export async function withCatalogueWriteLock<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  // Named locks are server-wide: scope this one to the database, like the migration lock.
  const lockName = `${CATALOGUE_WRITE_LOCK}_${String(dataSource.options.database)}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, LOCK_WAIT_SECONDS]);
    if (Number(row.acquired) !== 1) throw new CatalogueLockTimeoutError(lockName);
    try {
      return await work(runner);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

export interface CatalogueVersion {
  /** The store epoch the version belongs to: ids restart when the store is reset. */
  epoch: string;
  version: number;
}

/** The current catalogue version (0 for an empty store) and store epoch: two point queries in one statement. */
export async function readCatalogueVersion(dataSource: DataSource): Promise<CatalogueVersion> {
  const [row] = await dataSource.query(
    `SELECT COALESCE(MAX(id), 0) AS version, ${STORE_EPOCH_SQL} AS epoch FROM products`,
  );
  return { epoch: String(row.epoch), version: Number(row.version) };
}
