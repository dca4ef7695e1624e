import { httpProcessesConfigShape, platformConfigSchema, port, positiveInt, z } from '@shopwire/config';
import { pushSubscriptionsConfigShape } from '@shopwire/push';
import { storeConfigShape } from '@shopwire/store-data';

export const customerConfigSchema = platformConfigSchema({
  CUSTOMER_PORT: port(5002),
  ...httpProcessesConfigShape,
  ...storeConfigShape,
  ...pushSubscriptionsConfigShape,
  /** An Idempotency-Key still IN_FLIGHT after this long belongs to a crashed request and is freed. */
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS: positiveInt(60),
  /** How long a finished Idempotency-Key replays its response. */
  IDEMPOTENCY_RETENTION_SECONDS: positiveInt(86_400),
});

export type CustomerConfig = z.output<typeof customerConfigSchema>;
