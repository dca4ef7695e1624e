import { type DynamicModule, Module } from '@nestjs/common';
import { QueueDashboard } from '../queue-dashboard/queue-dashboard.js';
import { QueueDashboardSessionController } from '../queue-dashboard/queue-dashboard-session.controller.js';
import { QueueDashboardSessions } from '../queue-dashboard/queue-dashboard-sessions.js';
import { StatisticsController } from './statistics.controller.js';
import { DASHBOARD_QUEUES_OPTIONS, DashboardQueues } from '../queue-dashboard/dashboard-queues.js';
import { RevenueStatisticsService } from './revenue-statistics.service.js';
import { StatisticsService } from './statistics.service.js';
import { OrderEventsRepository } from '@shopwire/ordering';
import { StatisticsSnapshotQuery } from '@shopwire/statistics';

/**
 * Sales statistics (contract §3.2–3.3, revenue: issue 20 item 7) and the owner-only queue dashboard (ADR 0004) with its
 * browser sessions (ADR 0008), which share the dashboard queues' Redis connection.
 */
@Module({})
export class StatisticsModule {
  static forRoot(config: { REDIS_URL: string; BULLMQ_PREFIX: string }): DynamicModule {
    return {
      module: StatisticsModule,
      controllers: [StatisticsController, QueueDashboardSessionController],
      providers: [
        { provide: DASHBOARD_QUEUES_OPTIONS, useValue: { redisUrl: config.REDIS_URL, prefix: config.BULLMQ_PREFIX } },
        OrderEventsRepository,
        StatisticsSnapshotQuery,
        StatisticsService,
        RevenueStatisticsService,
        DashboardQueues,
        QueueDashboardSessions,
        QueueDashboard,
      ],
    };
  }
}
