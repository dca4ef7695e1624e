import { httpProcessesConfigShape, platformConfigSchema, port, positiveInt, z } from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

export const ownerConfigSchema = platformConfigSchema({
  OWNER_PORT: port(5001),
  ...httpProcessesConfigShape,
  /** Largest CSV accepted by POST /update, in bytes (413 above it). */
  UPLOAD_LIMIT_BYTES: positiveInt(64 * 1024 * 1024),
  ...storeConfigShape,
  /** Redis key prefix of the BullMQ queues shown at /queues (the worker's BULLMQ_PREFIX). */
  BULLMQ_PREFIX: z.string().min(1).default('bull'),
});

export type OwnerConfig = z.output<typeof ownerConfigSchema>;
