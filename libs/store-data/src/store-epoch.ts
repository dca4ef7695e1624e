import { Logger, Module, type DynamicModule } from '@nestjs/common';
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

/** The current store epoch; fails while the database is missing or not migrated yet. */
export async function readStoreEpoch(dataSource: Pick<DataSource, 'query'>): Promise<string> {
  const [row] = await dataSource.query(`SELECT ${STORE_EPOCH_SQL} AS epoch`);
  if (!row?.epoch) throw new Error('store_epoch is empty');
  return String(row.epoch);
}

/** Something that serves data derived from the store database (a snapshot, a cursor). */
export interface EpochFollower {
  readonly name: string;
  /** The epoch its data came from; undefined before its first load (nothing stale to serve). */
  servedEpoch(): string | undefined;
  /** Catches up with the database, reloading from scratch when the epoch changed. */
  refresh(): Promise<void>;
}

/**
 * The followers of one app, for readiness: while the store is missing, or while a follower
 * still serves data of an earlier epoch, the app is not ready. A failing check also starts the
 * followers' catch-up, so readiness recovers without waiting for traffic (which a not-ready
 * replica does not get).
 */
export class StoreEpochFollowers {
  private readonly logger = new Logger('StoreEpoch');
  private readonly followers: EpochFollower[] = [];

  constructor(private readonly dataSource: DataSource) {}

  register(follower: EpochFollower): void {
    this.followers.push(follower);
  }

  readinessCheck(): { name: string; check: () => Promise<void> } {
    return { name: 'store-epoch', check: () => this.check() };
  }

  private async check(): Promise<void> {
    const epoch = await readStoreEpoch(this.dataSource);
    const stale = this.followers.filter((f) => f.servedEpoch() !== undefined && f.servedEpoch() !== epoch);
    if (stale.length === 0) return;
    for (const follower of stale) {
      follower.refresh().catch((err: unknown) => this.logger.warn({ err, follower: follower.name }, 'reload failed'));
    }
    throw new Error(`reloading after a store reset: ${stale.map((f) => f.name).join(', ')}`);
  }
}

@Module({})
export class StoreEpochModule {
  /** Makes the app's followers registry injectable everywhere (its readiness check goes to the health module). */
  static with(followers: StoreEpochFollowers): DynamicModule {
    return {
      module: StoreEpochModule,
      global: true,
      providers: [{ provide: StoreEpochFollowers, useValue: followers }],
      exports: [StoreEpochFollowers],
    };
  }
}
