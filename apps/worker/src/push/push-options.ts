import type { JobsOptions } from 'bullmq';
import type { WorkerConfig } from '../worker.config.js';

export const PUSH_OPTIONS = Symbol('PUSH_OPTIONS');

export interface PushOptions {
  vapid: { publicKey: string; privateKey: string; subject: string };
  concurrency: number;
  ratePerSecond: number;
  timeoutMs: number;
  ttlSeconds: number;
  maxEventAgeSeconds: number;
  dispatchBatchSize: number;
  catchUpEveryMs: number;
  courierWindowMs: number;
  attempts: number;
  backoffMs: number;
}

export function pushOptionsFrom(config: WorkerConfig): PushOptions {
  return {
    vapid: { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject: config.VAPID_SUBJECT },
    concurrency: config.PUSH_CONCURRENCY,
    ratePerSecond: config.PUSH_RATE_LIMIT_PER_SECOND,
    timeoutMs: config.PUSH_TIMEOUT_MS,
    ttlSeconds: config.PUSH_TTL_SECONDS,
    maxEventAgeSeconds: config.PUSH_MAX_EVENT_AGE_SECONDS,
    dispatchBatchSize: config.PUSH_DISPATCH_BATCH_SIZE,
    catchUpEveryMs: config.PUSH_CATCH_UP_EVERY_MS,
    courierWindowMs: config.PUSH_COURIER_WINDOW_MS,
    attempts: config.PUSH_ATTEMPTS,
    backoffMs: config.PUSH_BACKOFF_MS,
  };
}

export const DISPATCH_DEDUPLICATION_ID = 'push-dispatch';
export const DISPATCH_SCHEDULER_ID = 'push-catch-up';
export const courierDeduplicationId = (subscriptionId: number) => `courier-${subscriptionId}`;
/** Customer pushes are deduplicated by order event id: the same event never makes two jobs. */
export const customerJobId = (eventId: number) => `event-${eventId}`;

/** Sending jobs: retried with backoff; kept a while so a re-added job id is recognised. */
export function sendJobOptions(options: PushOptions): JobsOptions {
  return {
    attempts: options.attempts,
    backoff: { type: 'exponential', delay: options.backoffMs },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 24 * 3600, count: 10_000 },
  };
}

export const DISPATCH_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 1000, age: 24 * 3600 },
};
