import { platformConfigSchema, port, z } from '@shopwire/config';
import { storeConfigShape } from '@shopwire/store-data';

export const ownerConfigSchema = platformConfigSchema({
  OWNER_PORT: port(5001),
  ...storeConfigShape,
});

export type OwnerConfig = z.output<typeof ownerConfigSchema>;
