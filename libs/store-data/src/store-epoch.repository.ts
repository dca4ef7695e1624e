import type { DataSource } from 'typeorm';

/**
 * The store epoch as a scalar sub-query, to add to an existing version probe so that detecting
 * a reset costs no extra round trip: `SELECT …, ${STORE_EPOCH_SQL} AS epoch FROM …`.
 */
export const STORE_EPOCH_SQL = '(SELECT epoch FROM store_epoch WHERE id = 1)';

/**
 * The catalogue revision as a scalar sub-query: bumped by every change to an existing product
 * (price, on sale; ADR 0021), in the change's transaction.
 */
export const CATALOGUE_REVISION_SQL = '(SELECT catalogue_revision FROM store_epoch WHERE id = 1)';

/**
 * What a product price read from the store depends on, as one text (`<epoch>#<revision>`): the
 * store epoch (a reset reuses ids) and the catalogue revision (the owner changed a price or took
 * a product off sale). Columns of `store_epoch`, for a query over that row.
 */
export const PRICE_VERSION_COLUMNS = "CONCAT(epoch, '#', catalogue_revision)";

/**
 * The one `store_epoch` row (a reset store gets a new epoch): its epoch as the readiness check reads
 * it. The fragments above put the same columns into other owners' statements at no extra round trip.
 */
export class StoreEpochRepository {
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  /** The current store epoch; fails while the database is missing or not migrated yet. */
  async epoch(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT ${STORE_EPOCH_SQL} AS epoch`);
    if (!row?.epoch) throw new Error('store_epoch is empty');
    return String(row.epoch);
  }
}
