import { httpProcessesConfigShape, platformConfigSchema, port, z } from '@shopwire/config';
import { pushSubscriptionsConfigShape } from '@shopwire/push';
import { storeConfigShape } from '@shopwire/store-data';

export const courierConfigSchema = platformConfigSchema({
  COURIER_PORT: port(5003),
  ...httpProcessesConfigShape,
  ...storeConfigShape,
  ...pushSubscriptionsConfigShape,
});

export type CourierConfig = z.output<typeof courierConfigSchema>;
