import { httpProcessesConfigShape, platformConfigSchema, port, positiveInt, z } from '@shopwire/config';
import { DEFAULT_AUTH_DATABASE_URL } from '@shopwire/auth-data';
import { ownerConfigShape, resolveOwnerConfig } from './seeding/owner-config.js';

export const authConfigSchema = platformConfigSchema({
  AUTH_PORT: port(5000),
  ...httpProcessesConfigShape,
  AUTH_DATABASE_URL: z.string().url().default(DEFAULT_AUTH_DATABASE_URL),
  DB_POOL_SIZE: positiveInt(20),
  /** Optional JSON file of further owner accounts seeded at start: [{forename, surname, email, password}]. */
  OWNERS_FILE: z.string().min(1).optional(),
  /** Failed logins allowed per (email, client IP) within the window before 429. */
  LOGIN_MAX_FAILURES: positiveInt(5),
  /** Sliding window for both login failure limits, in seconds. */
  LOGIN_FAILURE_WINDOW_SECONDS: positiveInt(15 * 60),
  /** Failed logins allowed per client IP (any email) within the window before 429. */
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(100),
  /** Registration attempts (that pass validation) allowed per client IP in any hour. */
  REGISTRATIONS_PER_IP_PER_HOUR: positiveInt(50),
  ...ownerConfigShape,
}).transform(resolveOwnerConfig);

export type AuthConfig = z.output<typeof authConfigSchema>;

/** Injection token for the validated AuthConfig. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
