import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { PUSH_QUEUE } from '@shopwire/contracts';
import { OrderEventsRepository } from '@shopwire/ordering';
import { PushDeliveryStore } from '@shopwire/push';
import type { Redis } from 'ioredis';
import type { WorkerConfig } from '../worker.config.js';
import { OrderEventsDispatcher } from './order-events-dispatcher.js';
import { PushDeliveries } from './push-deliveries.js';
import { PushLifecycle } from './push-lifecycle.js';
import { PUSH_OPTIONS, pushOptionsFrom } from './push-options.js';
import { PUSH_PREFIX, PUSH_REDIS, PushProcessor } from './push.processor.js';
import { PushTriggers } from './push-triggers.js';
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
        OrderEventsDispatcher,
        OrderEventsRepository,
        PushDeliveryStore,
        PushDeliveries,
        PushProcessor,
        PushTriggers,
        PushLifecycle,
      ],
    };
  }
}
