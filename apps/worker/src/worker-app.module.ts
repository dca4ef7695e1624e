import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseModule } from '@shopwire/database';
import { OrderEventsSubscriber } from '@shopwire/ordering';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { PushWorkerModule } from './push/push-worker.module.js';
import { STATISTICS_OPTIONS, type StatisticsOptions } from './statistics/statistics-options.js';
import { StatisticsWorkerModule } from './statistics/statistics-worker.module.js';
import { WORKER_CONFIG } from './worker-config.token.js';
import { WorkerReadiness } from './worker-readiness.js';
import type { WorkerConfig } from './worker.config.js';

/**
 * The config, its derived options, readiness and the order-events channel (one subscriber
 * connection for every queue's trigger), visible to every worker module.
 */
@Global()
@Module({})
class WorkerCoreModule {
  static forRoot(config: WorkerConfig, readiness: WorkerReadiness): DynamicModule {
    const statistics: StatisticsOptions = {
      batchSize: config.STATS_BATCH_SIZE,
      concurrency: config.WORKER_CONCURRENCY,
      catchUpEveryMs: config.STATS_CATCH_UP_EVERY_MS,
    };
    return {
      module: WorkerCoreModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: STATISTICS_OPTIONS, useValue: statistics },
        { provide: WorkerReadiness, useValue: readiness },
        { provide: OrderEventsSubscriber, useFactory: () => new OrderEventsSubscriber(config.REDIS_URL) },
      ],
      exports: [WORKER_CONFIG, STATISTICS_OPTIONS, WorkerReadiness, OrderEventsSubscriber],
    };
  }
}

/** The worker: a Nest application context (no HTTP API) running the BullMQ processors. */
@Module({})
export class WorkerAppModule {
  static forRoot(
    config: WorkerConfig,
    dataSource: DataSource,
    redis: Redis,
    readiness: WorkerReadiness,
  ): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        DatabaseModule.forDataSource(dataSource),
        WorkerCoreModule.forRoot(config, readiness),
        // One shared connection for producers; BullMQ duplicates it for each worker's blocking reads.
        BullModule.forRoot({ connection: redis, prefix: config.BULLMQ_PREFIX }),
        StatisticsWorkerModule,
        ...(config.PUSH_ENABLED ? [PushWorkerModule.forRoot(config, redis)] : []),
      ],
    };
  }
}
