import { platformConfigSchema, port, positiveInt, z } from '@shopwire/config';
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
});

export type WorkerConfig = z.output<typeof workerConfigSchema>;
