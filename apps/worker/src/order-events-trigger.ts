import { Logger } from '@nestjs/common';
import type { ApplyOrderEventsJob, DispatchOrderEventsJob } from '@shopwire/contracts';
import type { OrderEventsSignal, OrderEventsSubscriber } from '@shopwire/ordering';
import type { JobsOptions, Queue } from 'bullmq';

/** What a job woken by order events carries: why it runs (and the newest id, when announced). */
type OrderEventsJob = ApplyOrderEventsJob & DispatchOrderEventsJob;

export interface OrderEventsTriggerSpec {
  queue: Queue;
  jobName: string;
  /** For the job added per message, the catch-up job and the scheduler's jobs. */
  jobOptions: JobsOptions;
  /** At most one such job waits (with `keepLastIfActive`, one more may wait behind a running one). */
  deduplication: { id: string; keepLastIfActive?: boolean };
  /** The Job Scheduler: the safety net for lost messages and jobs that gave up. */
  scheduler: { id: string; everyMs: number };
}

/**
 * Turns the order-events channel into jobs on one queue: a deduplicated job per message, and on
 * every (re)subscription — at start, and after Redis came back, possibly EMPTY (restart without
 * persistence, failover: the scheduler and any waiting job are gone, and the outage's messages
 * were lost; found by chaos/redis-restart.mjs) — the scheduler re-armed and one catch-up job.
 * The messages only say "look": the jobs read `order_events`, so a lost message delays work by
 * at most one scheduler period and loses nothing.
 */
export class OrderEventsTrigger {
  private readonly logger: Logger;

  constructor(
    private readonly orderEvents: OrderEventsSubscriber,
    private readonly spec: OrderEventsTriggerSpec,
  ) {
    this.logger = new Logger(`OrderEventsTrigger(${spec.queue.name})`);
  }

  /** Resolves once subscribed, the scheduler armed and the first catch-up job added. */
  start(): Promise<void> {
    return this.orderEvents.subscribe((signal) => this.onSignal(signal));
  }

  private async onSignal(signal: OrderEventsSignal): Promise<void> {
    if (signal.kind === 'committed') {
      return this.enqueue({
        trigger: 'order-event',
        ...(signal.eventId !== undefined ? { eventId: signal.eventId } : {}),
      });
    }
    await this.armScheduler();
    await this.enqueue({ trigger: 'schedule' });
  }

  private async armScheduler(): Promise<void> {
    const { queue, jobName, jobOptions, scheduler } = this.spec;
    const data: OrderEventsJob = { trigger: 'schedule' };
    try {
      await queue.upsertJobScheduler(
        scheduler.id,
        { every: scheduler.everyMs },
        { name: jobName, data, opts: jobOptions },
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not arm the catch-up scheduler');
    }
  }

  private async enqueue(data: OrderEventsJob): Promise<void> {
    const { queue, jobName, jobOptions, deduplication } = this.spec;
    try {
      await queue.add(jobName, data, { ...jobOptions, deduplication });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not enqueue');
    }
  }
}
