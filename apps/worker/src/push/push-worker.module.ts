import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { PUSH_QUEUE, PushJobs } from '@shopwire/contracts';
import { OrderEventsRepository, OrderEventsSubscriber } from '@shopwire/ordering';
import { PushDeliveryRepository } from '@shopwire/push';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { OrderEventsTrigger } from '../order-events-trigger.js';
import { QueueConsumer } from '../queue-consumer.js';
import { WorkerReadiness } from '../worker-readiness.js';
import type { WorkerConfig } from '../worker.config.js';
import { CourierPushWindow } from './courier-push-window.js';
import { OrderEventsDispatcher } from './order-events-dispatcher.js';
import { PushDeliveries } from './push-deliveries.js';
import { registerPushQueueDepth } from './push-metrics.js';
import {
  DISPATCH_DEDUPLICATION_ID,
  DISPATCH_JOB_OPTIONS,
  DISPATCH_SCHEDULER_ID,
  PUSH_OPTIONS,
  pushOptionsFrom,
} from './push-options.js';
import { PUSH_PREFIX, PUSH_REDIS, PushProcessor } from './push.processor.js';
import { WebPushSender } from './web-push-sender.js';

/** Web Push from committed order events (docs/push.md, ADR 0010). Imported only when PUSH_ENABLED. */
@Module({})
export class PushWorkerModule {
  static forRoot(config: WorkerConfig, redis: Redis): DynamicModule {
    const options = pushOptionsFrom(config);
    return {
      module: PushWorkerModule,
      imports: [BullModule.registerQueue({ name: PUSH_QUEUE })],
      providers: [
        { provide: PUSH_OPTIONS, useValue: options },
        { provide: PUSH_REDIS, useValue: redis },
        { provide: PUSH_PREFIX, useValue: config.BULLMQ_PREFIX },
        {
          provide: WebPushSender,
          useValue: new WebPushSender({
            ...options.vapid,
            timeoutMs: options.timeoutMs,
            ttlSeconds: options.ttlSeconds,
            maxSockets: options.concurrency,
          }),
        },
        {
          provide: CourierPushWindow,
          useValue: new CourierPushWindow(redis, config.BULLMQ_PREFIX, options.courierWindowMs),
        },
        OrderEventsDispatcher,
        OrderEventsRepository,
        PushDeliveryRepository,
        PushDeliveries,
        PushProcessor,
        {
          provide: QueueConsumer,
          inject: [PushProcessor, WorkerReadiness, OrderEventsSubscriber, getQueueToken(PUSH_QUEUE)],
          useFactory: (
            processor: PushProcessor,
            readiness: WorkerReadiness,
            orderEvents: OrderEventsSubscriber,
            queue: Queue,
          ) => {
            registerPushQueueDepth(queue);
            // One dispatch job waits at most, plus one running: a message during a run schedules
            // one more run (keepLastIfActive), so an event committed mid-run is not left to the
            // scheduler (which also retries courier jobs that gave up).
            const trigger = new OrderEventsTrigger(orderEvents, {
              queue,
              jobName: PushJobs.dispatchOrderEvents,
              jobOptions: DISPATCH_JOB_OPTIONS,
              deduplication: { id: DISPATCH_DEDUPLICATION_ID, keepLastIfActive: true },
              scheduler: { id: DISPATCH_SCHEDULER_ID, everyMs: options.catchUpEveryMs },
            });
            return new QueueConsumer(PUSH_QUEUE, () => processor.worker, readiness, trigger);
          },
        },
      ],
    };
  }
}
