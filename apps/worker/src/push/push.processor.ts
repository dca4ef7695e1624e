import { Inject, Injectable } from '@nestjs/common';
import {
  PUSH_QUEUE,
  PushJobs,
  type NotifyCourierJob,
  type NotifyCustomerJob,
  type PushJobName,
} from '@shopwire/contracts';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { OrderEventsDispatcher } from './order-events-dispatcher.js';
import { PushDeliveries, RetryPushError } from './push-deliveries.js';
import { PUSH_OPTIONS, type PushOptions } from './push-options.js';

type Handler = (job: Job, token?: string) => Promise<unknown>;

export const PUSH_REDIS = Symbol('PUSH_REDIS');
export const PUSH_PREFIX = Symbol('PUSH_PREFIX');

/**
 * Consumes the `push` queue. A plain BullMQ Worker (not @Processor): its concurrency and rate
 * limiter come from configuration. Created stopped; its QueueConsumer runs it once the database
 * and Redis answer.
 */
@Injectable()
export class PushProcessor {
  readonly worker: Worker;
  private readonly handlers: Record<PushJobName, Handler> = {
    [PushJobs.dispatchOrderEvents]: () => this.dispatcher.dispatchAll(),
    [PushJobs.notifyCourier]: async (job, token) => {
      const outcome = await this.deliveries.notifyCourier((job.data as NotifyCourierJob).subscriptionId);
      if (typeof outcome === 'object') {
        // Inside the device's coalescing window: the same job runs at its end. It keeps the
        // device's deduplication id meanwhile, so fan-outs add nothing and it sends all that came.
        await job.moveToDelayed(Date.now() + outcome.waitMs, token);
        throw new DelayedError();
      }
      if (outcome === 'retry') throw new RetryPushError('push service asked to retry');
      return outcome;
    },
    [PushJobs.notifyCustomer]: (job) =>
      this.deliveries.notifyCustomer(job.data as NotifyCustomerJob, (done) =>
        job.updateData({ ...(job.data as NotifyCustomerJob), done }),
      ),
  };

  constructor(
    @Inject(OrderEventsDispatcher) private readonly dispatcher: OrderEventsDispatcher,
    @Inject(PushDeliveries) private readonly deliveries: PushDeliveries,
    @Inject(PUSH_OPTIONS) options: PushOptions,
    @Inject(PUSH_REDIS) connection: Redis,
    @Inject(PUSH_PREFIX) prefix: string,
  ) {
    this.worker = new Worker(PUSH_QUEUE, (job, token) => this.process(job, token), {
      connection: connection.duplicate(),
      prefix,
      autorun: false,
      concurrency: options.concurrency,
      limiter: { max: options.ratePerSecond, duration: 1000 },
      // A crashed worker's active jobs hold their device's deduplication key until found stalled
      // (lock expired): look every 5 s. The lock itself keeps the 30 s default: a shorter one can
      // expire under CPU starvation while the job still runs, and the job would run twice.
      stalledInterval: 5_000,
    });
  }

  private async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers[job.name as PushJobName];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    return handler(job, token);
  }
}
