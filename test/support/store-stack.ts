import { randomBytes } from 'node:crypto';
import { openStoreDatabase } from '@shopwire/store-data';
import {
  createTestDatabase,
  deleteQueueKeys,
  httpClient,
  listenForTest,
  testEnv,
  type HttpClient,
  type RunningTestApp,
} from '@shopwire/testing';
import { DataSource } from 'typeorm';
import { createAppFromEnv, startWorkerFromEnv, type RunningWorker, type StoreAppName } from './app-boot.js';

/** Boot order: the owner first (it is the one that usually seeds the catalogue), realtime last. */
const STORE_APPS: readonly StoreAppName[] = ['owner', 'customer', 'courier', 'realtime'];

/** How many replicas of an app: a count, or one entry per replica with that replica's own env overrides. */
export type Replicas = number | ReadonlyArray<Record<string, string>>;

export interface StoreStackOptions {
  /** Names the test database: `sw_test_<label>_<random>`. */
  label: string;
  owner?: Replicas;
  customer?: Replicas;
  courier?: Replicas;
  realtime?: Replicas;
  /** Also start the statistics worker in-process (more can be started with `stack.startWorker()`). */
  worker?: boolean;
  /** Overrides for every app and worker, on top of testEnv() and the stack's own variables. */
  env?: Record<string, string>;
  /** Boot on this existing store database instead of a fresh one; the caller then drops it. */
  databaseUrl?: string;
}

export interface StoreStack {
  /** The store database every app of the stack uses. */
  db: { url: string };
  /** The environment every app was configured from (testEnv + STORE_DATABASE_URL, BULLMQ_PREFIX, …). */
  env: Record<string, string>;
  /** The running apps, per kind, in replica order. */
  apps: Record<StoreAppName, RunningTestApp[]>;
  /** Base URLs, per kind, in replica order. */
  urls: Record<StoreAppName, string[]>;
  /** HTTP clients of the first replica of each kind (throws if the stack has none). */
  readonly owner: HttpClient;
  readonly customer: HttpClient;
  readonly courier: HttpClient;
  readonly realtime: HttpClient;
  /** HTTP clients of every replica of each kind. */
  owners: HttpClient[];
  customers: HttpClient[];
  couriers: HttpClient[];
  realtimes: HttpClient[];
  /** A connection to the store database for seeding and inspecting (an app's own when one runs). */
  dataSource: DataSource;
  /** The worker started with `worker: true`, if any. */
  worker?: RunningWorker;
  /** Starts an in-process worker on the stack's env (plus `env`); `close()` stops it if the test did not. */
  startWorker(env?: Record<string, string>): Promise<RunningWorker>;
  /** Stops workers, apps, drops the database (unless given) and deletes the BullMQ keys. Idempotent. */
  close(): Promise<void>;
}

const replicaEnvs = (replicas: Replicas | undefined): ReadonlyArray<Record<string, string>> =>
  typeof replicas === 'number' ? Array.from({ length: replicas }, () => ({})) : (replicas ?? []);

/**
 * Boots any combination of the store apps (and the worker) over real HTTP on one test database.
 * Apps start one after the other, so the first one migrates the fresh database alone; if any
 * fails to start, whatever already runs is closed before the error is rethrown.
 */
export async function startStoreStack(options: StoreStackOptions): Promise<StoreStack> {
  const created = options.databaseUrl ? undefined : await createTestDatabase(options.label);
  const databaseUrl = options.databaseUrl ?? created!.url;
  const env = testEnv({
    STORE_DATABASE_URL: databaseUrl,
    BULLMQ_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    HOST: '127.0.0.1',
    WORKER_PORT: '0',
    ...options.env,
  });
  const apps: Record<StoreAppName, RunningTestApp[]> = { owner: [], customer: [], courier: [], realtime: [] };
  const workers = new Set<RunningWorker>();
  let ownDataSource: DataSource | undefined;
  let usedQueues = (options.owner ?? 0) !== 0 || options.worker === true;
  let closed = false;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const worker of [...workers]) {
      workers.delete(worker);
      await worker.close();
    }
    await Promise.all(STORE_APPS.flatMap((name) => apps[name]).map((app) => app.close()));
    if (ownDataSource?.isInitialized) await ownDataSource.destroy();
    await created?.drop();
    if (usedQueues) await deleteQueueKeys(env.BULLMQ_PREFIX, env.REDIS_URL);
  };

  const startTrackedWorker = async (extra: Record<string, string> = {}): Promise<RunningWorker> => {
    usedQueues = true;
    const worker = await startWorkerFromEnv({ ...env, ...extra });
    workers.add(worker);
    return {
      ...worker,
      close: async () => {
        if (!workers.delete(worker)) return;
        await worker.close();
      },
    };
  };

  try {
    for (const name of STORE_APPS) {
      for (const replicaEnv of replicaEnvs(options[name])) {
        apps[name].push(await listenForTest(await createAppFromEnv(name, { ...env, ...replicaEnv })));
      }
    }
    const withDataSource = apps.owner[0] ?? apps.customer[0] ?? apps.courier[0];
    const dataSource = withDataSource
      ? withDataSource.app.get(DataSource)
      : (ownDataSource = await openStoreDatabase(databaseUrl, 2));
    const worker = options.worker ? await startTrackedWorker() : undefined;
    const urls = Object.fromEntries(STORE_APPS.map((name) => [name, apps[name].map((app) => app.url)])) as Record<
      StoreAppName,
      string[]
    >;
    const clients = Object.fromEntries(
      STORE_APPS.map((name) => [name, urls[name].map((url) => httpClient(url))]),
    ) as Record<StoreAppName, HttpClient[]>;
    const first = (name: StoreAppName): HttpClient => {
      if (clients[name].length === 0) throw new Error(`this store stack runs no ${name} app`);
      return clients[name][0];
    };
    return {
      db: { url: databaseUrl },
      env,
      apps,
      urls,
      get owner() {
        return first('owner');
      },
      get customer() {
        return first('customer');
      },
      get courier() {
        return first('courier');
      },
      get realtime() {
        return first('realtime');
      },
      owners: clients.owner,
      customers: clients.customer,
      couriers: clients.courier,
      realtimes: clients.realtime,
      dataSource,
      worker,
      startWorker: startTrackedWorker,
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
