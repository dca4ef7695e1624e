import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PUSH_QUEUE, STATISTICS_QUEUE } from '@shopwire/contracts';
import { Queue } from 'bullmq';
import { createRedisClient, reportOutages } from '@shopwire/redis';
import type { Redis } from 'ioredis';

export const DASHBOARD_QUEUES_OPTIONS = Symbol('DASHBOARD_QUEUES_OPTIONS');

export interface DashboardQueuesOptions {
  redisUrl: string;
  prefix: string;
}

/**
 * The owner's handles on the worker's queues (statistics, push), for the dashboard only: the
 * statistics endpoints never touch Redis. The connection is lazy, so the owner boots and answers
 * without Redis.
 */
@Injectable()
export class DashboardQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(DashboardQueues.name);
  /** Also carries the dashboard's browser sessions (QueueDashboardSessions). */
  readonly connection: Redis;
  readonly queues: Queue[];

  constructor(@Inject(DASHBOARD_QUEUES_OPTIONS) { redisUrl, prefix }: DashboardQueuesOptions) {
    this.connection = createRedisClient(redisUrl, 'owner-queue-dashboard', 'lazy');
    reportOutages(this.connection, this.logger, 'queue dashboard');
    this.queues = [STATISTICS_QUEUE, PUSH_QUEUE].map((name) => {
      const queue = new Queue(name, { connection: this.connection, prefix });
      queue.on('error', (error: Error) => this.logger.warn({ err: error, queue: name }, 'queue error'));
      return queue;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
