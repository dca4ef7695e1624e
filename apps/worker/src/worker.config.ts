import { platformConfigSchema, port, positiveInt, pushConfigShape, resolveVapidConfig, z } from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

export const workerConfigSchema = platformConfigSchema({
  ...storeConfigShape,
  /** Redis key prefix of the BullMQ queues; the owner's dashboard must use the same one. */
  BULLMQ_PREFIX: z.string().min(1).default('bull'),
  /** Port of the worker's own /health/* and /metrics listener (it serves no API). */
  WORKER_PORT: port(5005),
  /** Statistics jobs processed at once; batches never overlap (SKIP LOCKED). */
  WORKER_CONCURRENCY: positiveInt(2),
  /** Order events applied per transaction. */
  STATS_BATCH_SIZE: positiveInt(500),
  /** Period of the catch-up job that covers nudges lost while Redis or the worker was away. */
  STATS_CATCH_UP_EVERY_MS: positiveInt(5000),
  ...pushConfigShape,
  /** Push jobs processed at once (each is mostly waiting on a push service). */
  PUSH_CONCURRENCY: positiveInt(32),
  /** Push jobs started per second at most, over all worker replicas (BullMQ limiter). */
  PUSH_RATE_LIMIT_PER_SECOND: positiveInt(2000),
  /** A push service that has not answered after this long is retried later. */
  PUSH_TIMEOUT_MS: positiveInt(10_000),
  /** Attempts per push job (exponential backoff from PUSH_BACKOFF_MS). */
  PUSH_ATTEMPTS: positiveInt(8),
  PUSH_BACKOFF_MS: positiveInt(1000),
  /** How long a push service keeps a message for an offline device (RFC 8030 TTL). */
  PUSH_TTL_SECONDS: positiveInt(3600),
  /** Events older than this when first seen (worker down, push just enabled) are not pushed. */
  PUSH_MAX_EVENT_AGE_SECONDS: positiveInt(3600),
  /** Order events dispatched per transaction. */
  PUSH_DISPATCH_BATCH_SIZE: positiveInt(500),
  /**
   * Coalescing window of new-order pushes per courier device: after a push, the device's next one
   * waits until this much time has passed and then covers every order since (docs/push.md).
   */
  PUSH_COURIER_WINDOW_MS: positiveInt(1000),
  /** Period of the dispatch + fan-out safety net (lost nudges, jobs that gave up). */
  PUSH_CATCH_UP_EVERY_MS: positiveInt(5000),
}).transform((cfg, ctx) => resolveVapidConfig(cfg, ctx, ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT']));

export type WorkerConfig = z.output<typeof workerConfigSchema>;
