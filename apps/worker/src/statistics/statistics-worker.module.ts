import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { STATISTICS_QUEUE, StatisticsJobs } from '@shopwire/contracts';
import { OrderEventsRepository, OrderEventsSubscriber } from '@shopwire/ordering';
import { SalesAggregatesRepository } from '@shopwire/statistics';
import type { Queue } from 'bullmq';
import { OrderEventsTrigger } from '../order-events-trigger.js';
import { QueueConsumer } from '../queue-consumer.js';
import { WorkerReadiness } from '../worker-readiness.js';
import { OrderEventsApplier } from './order-events-applier.js';
import {
  APPLY_DEDUPLICATION_ID,
  APPLY_JOB_OPTIONS,
  CATCH_UP_SCHEDULER_ID,
  STATISTICS_OPTIONS,
  type StatisticsOptions,
} from './statistics-options.js';
import { StatisticsProcessor } from './statistics.processor.js';

/** Keeps the sales statistics aggregates up to date from `order_events` (ADR 0004). */
@Module({
  imports: [BullModule.registerQueue({ name: STATISTICS_QUEUE })],
  providers: [
    OrderEventsRepository,
    SalesAggregatesRepository,
    OrderEventsApplier,
    StatisticsProcessor,
    {
      provide: QueueConsumer,
      inject: [
        StatisticsProcessor,
        WorkerReadiness,
        OrderEventsSubscriber,
        getQueueToken(STATISTICS_QUEUE),
        STATISTICS_OPTIONS,
      ],
      useFactory: (
        processor: StatisticsProcessor,
        readiness: WorkerReadiness,
        orderEvents: OrderEventsSubscriber,
        queue: Queue,
        options: StatisticsOptions,
      ) => {
        // While an apply job waits or runs, further messages are absorbed by it: the job loops
        // until no event is left, and the scheduler covers the last instants.
        const trigger = new OrderEventsTrigger(orderEvents, {
          queue,
          jobName: StatisticsJobs.applyOrderEvents,
          jobOptions: APPLY_JOB_OPTIONS,
          deduplication: { id: APPLY_DEDUPLICATION_ID },
          scheduler: { id: CATCH_UP_SCHEDULER_ID, everyMs: options.catchUpEveryMs },
        });
        const worker = () => Object.assign(processor.worker, { concurrency: options.concurrency });
        return new QueueConsumer(STATISTICS_QUEUE, worker, readiness, trigger);
      },
    },
  ],
  exports: [StatisticsProcessor, OrderEventsApplier],
})
export class StatisticsWorkerModule {}
