import { type DynamicModule, Module } from '@nestjs/common';
import { QueueDashboard } from './queue-dashboard.js';
import { StatisticsController } from './statistics.controller.js';
import { STATISTICS_QUEUE_OPTIONS, StatisticsQueue } from './statistics-queue.js';
import { StatisticsService } from './statistics.service.js';
import { StatisticsSnapshot } from './statistics-snapshot.js';

/** Sales statistics (contract §3.2–3.3) and the owner-only queue dashboard (ADR 0004). */
@Module({})
export class StatisticsModule {
  static forRoot(config: { REDIS_URL: string; BULLMQ_PREFIX: string }): DynamicModule {
    return {
      module: StatisticsModule,
      controllers: [StatisticsController],
      providers: [
        { provide: STATISTICS_QUEUE_OPTIONS, useValue: { redisUrl: config.REDIS_URL, prefix: config.BULLMQ_PREFIX } },
        StatisticsSnapshot,
        StatisticsService,
        StatisticsQueue,
        QueueDashboard,
      ],
    };
  }
}
