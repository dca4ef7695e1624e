import { platformConfigSchema, port, z } from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

export const courierConfigSchema = platformConfigSchema({
  COURIER_PORT: port(5003),
  ...storeConfigShape,
});

export type CourierConfig = z.output<typeof courierConfigSchema>;
