import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { STATISTICS_QUEUE } from '@shopwire/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

export const STATISTICS_QUEUE_OPTIONS = Symbol('STATISTICS_QUEUE_OPTIONS');

export interface StatisticsQueueOptions {
  redisUrl: string;
  prefix: string;
}

/**
 * The owner's handle on the statistics queue, for the dashboard only: the statistics endpoints
 * never touch Redis. The connection is lazy, so the owner boots and answers without Redis.
 */
@Injectable()
export class StatisticsQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(StatisticsQueue.name);
  /** Also carries the dashboard's browser sessions (QueueDashboardSessions). */
  readonly connection: Redis;
  readonly queue: Queue;

  constructor(@Inject(STATISTICS_QUEUE_OPTIONS) { redisUrl, prefix }: StatisticsQueueOptions) {
    this.connection = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.connection.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis connection error'));
    this.queue = new Queue(STATISTICS_QUEUE, { connection: this.connection, prefix });
    this.queue.on('error', (error: Error) => this.logger.warn({ err: error }, 'statistics queue error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}
