import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ORDER_EVENTS_CHANNEL, STATISTICS_QUEUE, StatisticsJobs, type ApplyOrderEventsJob } from '@shopwire/contracts';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '../redis-connection.js';
import { WORKER_CONFIG } from '../worker-config.token.js';
import type { WorkerConfig } from '../worker.config.js';
import {
  APPLY_DEDUPLICATION_ID,
  APPLY_JOB_OPTIONS,
  CATCH_UP_SCHEDULER_ID,
  STATISTICS_OPTIONS,
  type StatisticsOptions,
} from './statistics-options.js';

/**
 * Turns "events were committed" nudges (Redis pub/sub) into one deduplicated apply job, and
 * keeps a Job Scheduler as the safety net for nudges lost while Redis or this process was away.
 */
@Injectable()
export class OrderEventsNudges implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OrderEventsNudges.name);
  private subscriber?: Redis;

  constructor(
    @InjectQueue(STATISTICS_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(STATISTICS_OPTIONS) private readonly options: StatisticsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertCatchUpScheduler();
    this.subscriber = createRedisConnection(this.config.REDIS_URL, 'statistics-nudges');
    this.subscriber.on('message', (_channel: string, message: string) => void this.enqueue(Number(message)));
    await this.subscriber.subscribe(ORDER_EVENTS_CHANNEL);
    // Redis came back after an outage, possibly EMPTY (restart without persistence, failover):
    // the scheduler and any waiting job are gone and the outage's nudges were lost, so re-arm
    // the scheduler and catch up once (found by chaos/redis-restart.mjs).
    this.subscriber.on('ready', () => void this.rearmAfterReconnect());
    // Events committed before we subscribed get no nudge: catch up once now.
    await this.enqueue(undefined);
  }

  private async upsertCatchUpScheduler(): Promise<void> {
    const catchUp: ApplyOrderEventsJob = { trigger: 'schedule' };
    await this.queue.upsertJobScheduler(
      CATCH_UP_SCHEDULER_ID,
      { every: this.options.catchUpEveryMs },
      { name: StatisticsJobs.applyOrderEvents, data: catchUp, opts: APPLY_JOB_OPTIONS },
    );
  }

  private async rearmAfterReconnect(): Promise<void> {
    try {
      await this.upsertCatchUpScheduler();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not re-arm the statistics catch-up scheduler');
    }
    await this.enqueue(undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  private async enqueue(eventId: number | undefined): Promise<void> {
    const data: ApplyOrderEventsJob = {
      trigger: 'order-event',
      ...(Number.isSafeInteger(eventId) ? { eventId } : {}),
    };
    try {
      // While an apply job is waiting or running, further nudges are absorbed by it: the job
      // loops until no event is left, and the scheduler covers the last instants.
      await this.queue.add(StatisticsJobs.applyOrderEvents, data, {
        ...APPLY_JOB_OPTIONS,
        deduplication: { id: APPLY_DEDUPLICATION_ID },
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not enqueue statistics job');
    }
  }
}
