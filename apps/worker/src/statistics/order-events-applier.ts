import { Inject, Injectable } from '@nestjs/common';
import { runInTransaction } from '@shopwire/database';
import { OrderEventsRepository } from '@shopwire/ordering';
import { revenueDelta, SalesAggregatesRepository, salesDelta } from '@shopwire/statistics';
import { DataSource } from 'typeorm';
import { batchDuration, eventsApplied } from './statistics-metrics.js';
import { STATISTICS_OPTIONS, type StatisticsOptions } from './statistics-options.js';

/**
 * Applies order events to the aggregates, one batch per transaction: pick unapplied events,
 * add their delta (units, and units per unit price for revenue), mark them applied, bump the
 * version — all or nothing. A crash, a retry or a
 * stalled job that runs twice can therefore never apply an event twice.
 */
@Injectable()
export class OrderEventsApplier {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(STATISTICS_OPTIONS) private readonly options: StatisticsOptions,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
    @Inject(SalesAggregatesRepository) private readonly aggregates: SalesAggregatesRepository,
  ) {}

  /** Applies batches until none is left; returns how many events this call applied. */
  async applyAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.applyNextBatch();
      if (applied === 0) return total;
      total += applied;
    }
  }

  /** Applies one batch of at most `batchSize` events; 0 when nothing (unlocked) is pending. */
  async applyNextBatch(): Promise<number> {
    const stopTimer = batchDuration.startTimer();
    const applied = await this.applyBatchOnce();
    if (applied > 0) {
      stopTimer();
      eventsApplied.inc(applied);
    }
    return applied;
  }

  /** READ COMMITTED takes no gap locks: order transactions appending events never wait on us. */
  private applyBatchOnce(): Promise<number> {
    return runInTransaction(
      this.dataSource,
      async (tx) => {
        // SKIP LOCKED: concurrent batches (other jobs, other worker replicas) take disjoint events.
        const ids = await this.events.lockUnapplied(tx, this.options.batchSize);
        if (ids.length > 0) {
          const items = await this.events.unappliedItems(tx, ids);
          await this.aggregates.add(tx, salesDelta(items));
          await this.aggregates.addRevenue(tx, revenueDelta(items));
          await this.events.markApplied(tx, ids);
          await this.aggregates.bumpVersion(tx);
        }
        return ids.length;
      },
      { isolation: 'READ COMMITTED', attempts: 5 },
    );
  }
}
