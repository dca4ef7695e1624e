import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@shopwire/config';
import { listenForTest, testEnv, type RunningTestApp } from '@shopwire/testing';
import { authConfigSchema } from '../../../apps/auth/src/auth.config.js';
import { createAuthApp } from '../../../apps/auth/src/create-auth-app.js';
import { courierConfigSchema } from '../../../apps/courier/src/courier.config.js';
import { createCourierApp } from '../../../apps/courier/src/create-courier-app.js';
import { createCustomerApp } from '../../../apps/customer/src/create-customer-app.js';
import { customerConfigSchema } from '../../../apps/customer/src/customer.config.js';
import { createOwnerApp } from '../../../apps/owner/src/create-owner-app.js';
import { ownerConfigSchema } from '../../../apps/owner/src/owner.config.js';
import { createRealtimeApp } from '../../../apps/realtime/src/create-realtime-app.js';
import { realtimeConfigSchema } from '../../../apps/realtime/src/realtime.config.js';

export type ServiceName = 'auth' | 'owner' | 'customer' | 'courier' | 'realtime';
export const HTTP_API_SERVICES = ['auth', 'owner', 'customer', 'courier'] as const;

interface ServiceDefinition {
  databaseVariable: 'AUTH_DATABASE_URL' | 'STORE_DATABASE_URL';
  start: (env: Record<string, string>) => Promise<INestApplication>;
}

const SERVICES: Record<ServiceName, ServiceDefinition> = {
  auth: {
    databaseVariable: 'AUTH_DATABASE_URL',
    start: (env) => createAuthApp(loadConfig(authConfigSchema, env)),
  },
  owner: {
    databaseVariable: 'STORE_DATABASE_URL',
    start: (env) => createOwnerApp(loadConfig(ownerConfigSchema, env)),
  },
  customer: {
    databaseVariable: 'STORE_DATABASE_URL',
    start: (env) => createCustomerApp(loadConfig(customerConfigSchema, env)),
  },
  courier: {
    databaseVariable: 'STORE_DATABASE_URL',
    start: (env) => createCourierApp(loadConfig(courierConfigSchema, env)),
  },
  realtime: {
    databaseVariable: 'STORE_DATABASE_URL',
    start: (env) => createRealtimeApp(loadConfig(realtimeConfigSchema, env)),
  },
};

export const isStoreService = (name: ServiceName) => SERVICES[name].databaseVariable === 'STORE_DATABASE_URL';

/**
 * Boots one service in this process on a free loopback port against the given database, with the
 * test secret, silent logs, a private BullMQ prefix, and throttles high enough that fuzzing
 * exercises the handlers instead of the 429 (throttling has its own tests in apps/auth).
 */
export async function startService(
  name: ServiceName,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningTestApp> {
  const definition = SERVICES[name];
  const config = testEnv({
    [definition.databaseVariable]: databaseUrl,
    BULLMQ_PREFIX: `sec-${randomBytes(4).toString('hex')}`,
    DB_POOL_SIZE: '4',
    LOGIN_MAX_FAILURES: '1000000',
    LOGIN_MAX_FAILURES_PER_IP: '1000000',
    REGISTRATIONS_PER_IP_PER_HOUR: '1000000',
    ...env,
  });
  return listenForTest(await definition.start(config));
}
