import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@shopwire/config';
import { authConfigSchema } from '../../apps/auth/src/auth.config.js';
import { createAuthApp } from '../../apps/auth/src/create-auth-app.js';
import { courierConfigSchema } from '../../apps/courier/src/courier.config.js';
import { createCourierApp } from '../../apps/courier/src/create-courier-app.js';
import { createCustomerApp } from '../../apps/customer/src/create-customer-app.js';
import { customerConfigSchema } from '../../apps/customer/src/customer.config.js';
import { createOwnerApp } from '../../apps/owner/src/create-owner-app.js';
import { ownerConfigSchema } from '../../apps/owner/src/owner.config.js';
import { createRealtimeApp } from '../../apps/realtime/src/create-realtime-app.js';
import { realtimeConfigSchema } from '../../apps/realtime/src/realtime.config.js';
import { startWorker, type RunningWorker } from '../../apps/worker/src/create-worker-app.js';
import { workerConfigSchema } from '../../apps/worker/src/worker.config.js';

/**
 * The one place tests reach into apps: each app created from an environment, as its main.ts
 * does. Everything else in tests boots apps through here (docs/architecture.md, "Test support").
 */
export type StoreAppName = 'owner' | 'customer' | 'courier' | 'realtime';
export type HttpAppName = 'auth' | StoreAppName;
export type { RunningWorker };

const CREATE_APP: Record<HttpAppName, (env: Record<string, string>) => Promise<INestApplication>> = {
  auth: (env) => createAuthApp(loadConfig(authConfigSchema, env)),
  owner: (env) => createOwnerApp(loadConfig(ownerConfigSchema, env)),
  customer: (env) => createCustomerApp(loadConfig(customerConfigSchema, env)),
  courier: (env) => createCourierApp(loadConfig(courierConfigSchema, env)),
  realtime: (env) => createRealtimeApp(loadConfig(realtimeConfigSchema, env)),
};

const CONFIG_SCHEMA = {
  auth: authConfigSchema,
  owner: ownerConfigSchema,
  customer: customerConfigSchema,
  courier: courierConfigSchema,
  realtime: realtimeConfigSchema,
  worker: workerConfigSchema,
};

/** The named app's configuration parsed from `env` exactly as its main.ts does (throws ConfigError). */
export function loadAppConfig(name: HttpAppName | 'worker', env: Record<string, string>): unknown {
  return loadConfig(CONFIG_SCHEMA[name], env);
}

/** Creates (does not listen) the named HTTP app, its config loaded from `env`. */
export function createAppFromEnv(name: HttpAppName, env: Record<string, string>): Promise<INestApplication> {
  return CREATE_APP[name](env);
}

/** Starts the statistics and push worker in this process, its config loaded from `env`. */
export function startWorkerFromEnv(env: Record<string, string>): Promise<RunningWorker> {
  return startWorker(loadConfig(workerConfigSchema, env));
}
