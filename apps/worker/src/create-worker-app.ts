import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { openStoreDatabase } from '@shopwire/store-data';
import { createRootLogger, PinoNestLogger } from '@shopwire/observability';
import { createRedisClient, reportOutages } from '@shopwire/redis';
import { startHealthServer } from './health/health-server.js';
import { WorkerAppModule } from './worker-app.module.js';
import { WorkerReadiness } from './worker-readiness.js';
import type { WorkerConfig } from './worker.config.js';

export interface RunningWorker {
  app: INestApplicationContext;
  /** Base URL of the health/metrics listener. */
  healthUrl: string;
  /** Stops taking jobs, lets active ones finish, then closes every connection. */
  close(): Promise<void>;
}

/**
 * Prepares the store database, opens the health listener, then boots the Nest context, which
 * starts consuming once the database and Redis answer. Used by main.ts and by tests.
 */
export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  const dataSource = await openStoreDatabase(config.STORE_DATABASE_URL, config.DB_POOL_SIZE);
  // Shared by the queues' producers; BullMQ duplicates it for each worker's blocking reads.
  const redis = createRedisClient(config.REDIS_URL, 'worker', 'wait');
  reportOutages(redis, new Logger('worker'), 'queues');
  const readiness = new WorkerReadiness(dataSource, redis);
  const health = await startHealthServer(readiness.checks, config.HOST, config.WORKER_PORT);
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config, dataSource, redis, readiness), {
      logger: new PinoNestLogger(createRootLogger({ service: 'worker', level: config.LOG_LEVEL })),
      abortOnError: false,
    });
  } catch (error) {
    // E.g. a module that failed to construct: release everything so the process can exit with the error.
    await health.close();
    redis.disconnect();
    await dataSource.destroy();
    throw error;
  }
  new Logger('worker').log(`worker health on ${health.url}`);
  return {
    app,
    healthUrl: health.url,
    async close() {
      await app.close();
      await health.close();
      await redis.quit().catch(() => undefined);
    },
  };
}
