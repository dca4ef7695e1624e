import { withNamedLock } from '@shopwire/database';
import { CATALOGUE_REVISION_SQL, STORE_EPOCH_SQL } from '@shopwire/store-data';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The catalogue's version is the highest product id. That is only sound because every catalogue
 * write (the CSV import) runs under this one named lock, committing before it releases: product
 * ids then become visible in increasing order, so a reader that has seen every id up to V can
 * catch up by loading only the ids above V. Products are never deleted; a change to an existing
 * product (price, on sale, `product-changes.ts`) bumps the catalogue revision instead (ADR 0021).
 */
const CATALOGUE_WRITE_LOCK = 'shopwire_catalogue_write';

/** How long an import waits for another one to finish before giving up. */
const LOCK_WAIT_SECONDS = 60;

/** Runs `work` on one connection that holds the catalogue write lock (timeout: NamedLockTimeoutError). */
export function withCatalogueWriteLock<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  return withNamedLock(dataSource, CATALOGUE_WRITE_LOCK, LOCK_WAIT_SECONDS, work);
}

export interface CatalogueVersion {
  /** The store epoch the version belongs to: ids restart when the store is reset. */
  epoch: string;
  version: number;
  /** Bumped by every change to an existing product: a reader holding another one reloads. */
  revision: number;
}

/** The current catalogue version (0 for an empty store), revision and store epoch: point queries in one statement. */
export async function readCatalogueVersion(dataSource: DataSource): Promise<CatalogueVersion> {
  const [row] = await dataSource.query(
    `SELECT COALESCE(MAX(id), 0) AS version, ${STORE_EPOCH_SQL} AS epoch, ${CATALOGUE_REVISION_SQL} AS revision
       FROM products`,
  );
  return { epoch: String(row.epoch), version: Number(row.version), revision: Number(row.revision) };
}
