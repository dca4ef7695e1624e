import { type DynamicModule, Module } from '@nestjs/common';
import { QueueDashboard } from './queue-dashboard.js';
import { StatisticsController } from './statistics.controller.js';
import { DASHBOARD_QUEUES_OPTIONS, DashboardQueues } from './dashboard-queues.js';
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
        { provide: DASHBOARD_QUEUES_OPTIONS, useValue: { redisUrl: config.REDIS_URL, prefix: config.BULLMQ_PREFIX } },
        StatisticsSnapshot,
        StatisticsService,
        DashboardQueues,
        QueueDashboard,
      ],
    };
  }
}
