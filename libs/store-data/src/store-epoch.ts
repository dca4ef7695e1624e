import { Logger, Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { StoreEpochRepository } from './store-epoch.repository.js';

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
  private readonly store: StoreEpochRepository;

  constructor(dataSource: DataSource) {
    this.store = new StoreEpochRepository(dataSource);
  }

  register(follower: EpochFollower): void {
    this.followers.push(follower);
  }

  readinessCheck(): { name: string; check: () => Promise<void> } {
    return { name: 'store-epoch', check: () => this.check() };
  }

  private async check(): Promise<void> {
    const epoch = await this.store.epoch();
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
