import { platformConfigSchema, port, positiveInt, z } from '@shopwire/config';
import { DEFAULT_AUTH_DATABASE_URL } from '@shopwire/auth-data';

export const authConfigSchema = platformConfigSchema({
  AUTH_PORT: port(5000),
  AUTH_DATABASE_URL: z.string().url().default(DEFAULT_AUTH_DATABASE_URL),
  DB_POOL_SIZE: positiveInt(20),
});

export type AuthConfig = z.output<typeof authConfigSchema>;
