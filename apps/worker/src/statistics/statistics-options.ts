import type { JobsOptions } from 'bullmq';

export const STATISTICS_OPTIONS = Symbol('STATISTICS_OPTIONS');

export interface StatisticsOptions {
  batchSize: number;
  concurrency: number;
  catchUpEveryMs: number;
}

/** Id shared by every nudge: one pending apply job covers any number of new events. */
export const APPLY_DEDUPLICATION_ID = 'apply-order-events';
export const CATCH_UP_SCHEDULER_ID = 'statistics-catch-up';

/**
 * Applying is idempotent (each event is marked in the transaction that applies it), so retries
 * are always safe; finished jobs are trimmed so Redis does not grow with every nudge.
 */
export const APPLY_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 1000, age: 24 * 3600 },
};
