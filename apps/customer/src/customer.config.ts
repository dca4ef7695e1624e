import { platformConfigSchema, port, z } from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

export const customerConfigSchema = platformConfigSchema({
  CUSTOMER_PORT: port(5002),
  ...storeConfigShape,
});

export type CustomerConfig = z.output<typeof customerConfigSchema>;
