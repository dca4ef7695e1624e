import { randomBytes } from 'node:crypto';
import { listenForTest, testEnv, type RunningTestApp } from '@shopwire/testing';
import { createAppFromEnv, type StoreAppName } from '@shopwire/test-support';

export type ServiceName = 'auth' | StoreAppName;
export const HTTP_API_SERVICES = ['auth', 'owner', 'customer', 'courier'] as const;

export const isStoreService = (name: ServiceName): name is StoreAppName => name !== 'auth';

/**
 * What every service of a security test runs with: a small pool and throttles high enough that
 * fuzzing exercises the handlers instead of the 429 (throttling has its own tests in apps/auth).
 */
export const SECURITY_ENV: Readonly<Record<string, string>> = {
  DB_POOL_SIZE: '4',
  LOGIN_MAX_FAILURES: '1000000',
  LOGIN_MAX_FAILURES_PER_IP: '1000000',
  REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
};

/**
 * Boots the auth service in this process on a free loopback port against the given database, with
 * the test secret, silent logs and SECURITY_ENV (the store services run in a store stack).
 */
export async function startAuthService(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningTestApp> {
  const config = testEnv({
    AUTH_DATABASE_URL: databaseUrl,
    BULLMQ_PREFIX: `sec-${randomBytes(4).toString('hex')}`,
    ...SECURITY_ENV,
    ...env,
  });
  return listenForTest(await createAppFromEnv('auth', config));
}
