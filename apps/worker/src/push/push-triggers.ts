import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ORDER_EVENTS_CHANNEL, PUSH_QUEUE, PushJobs, type DispatchOrderEventsJob } from '@shopwire/contracts';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedisConnection } from '../redis-connection.js';
import { WORKER_CONFIG } from '../worker-config.token.js';
import type { WorkerConfig } from '../worker.config.js';
import {
  DISPATCH_DEDUPLICATION_ID,
  DISPATCH_JOB_OPTIONS,
  DISPATCH_SCHEDULER_ID,
  PUSH_OPTIONS,
  type PushOptions,
} from './push-options.js';

/**
 * Wakes the dispatcher: on every "events committed" nudge, by a Job Scheduler (the safety net for
 * lost nudges and courier jobs that gave up), after a Redis reconnect, and once at start. The
 * nudges only say "look"; `order_events.push_dispatched` says what is left, so a lost nudge
 * delays a push by at most PUSH_CATCH_UP_EVERY_MS and loses nothing.
 */
@Injectable()
export class PushTriggers implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PushTriggers.name);
  private subscriber?: Redis;

  constructor(
    @InjectQueue(PUSH_QUEUE) private readonly queue: Queue,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(PUSH_OPTIONS) private readonly options: PushOptions,
  ) {}

  async start(): Promise<void> {
    await this.upsertScheduler();
    this.subscriber = createRedisConnection(this.config.REDIS_URL, 'push-nudges');
    this.subscriber.on('message', () => void this.enqueue('order-event'));
    this.subscriber.on('ready', () => void this.upsertScheduler().then(() => this.enqueue('schedule')));
    await this.subscriber.subscribe(ORDER_EVENTS_CHANNEL);
    await this.enqueue('schedule');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  private async upsertScheduler(): Promise<void> {
    const data: DispatchOrderEventsJob = { trigger: 'schedule' };
    await this.queue
      .upsertJobScheduler(
        DISPATCH_SCHEDULER_ID,
        { every: this.options.catchUpEveryMs },
        { name: PushJobs.dispatchOrderEvents, data, opts: DISPATCH_JOB_OPTIONS },
      )
      .catch((error: Error) => this.logger.warn(`could not arm the push catch-up scheduler: ${error.message}`));
  }

  private async enqueue(trigger: DispatchOrderEventsJob['trigger']): Promise<void> {
    try {
      // One dispatch job waits at most, plus one running: a nudge during a run schedules one
      // more run (keepLastIfActive), so an event committed mid-run is not left to the scheduler.
      await this.queue.add(PushJobs.dispatchOrderEvents, { trigger } satisfies DispatchOrderEventsJob, {
        ...DISPATCH_JOB_OPTIONS,
        deduplication: { id: DISPATCH_DEDUPLICATION_ID, keepLastIfActive: true },
      });
    } catch (error) {
      this.logger.warn(`could not enqueue push dispatch: ${(error as Error).message}`);
    }
  }
}
