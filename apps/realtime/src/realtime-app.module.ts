import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import type { Redis } from 'ioredis';
import { StoreEpochFollowers, StoreEpochModule } from '@shopwire/store-data';
import type { DataSource } from 'typeorm';
import { EventFanOut } from './events/event-fan-out.js';
import { OrderEventReader } from './events/order-event-reader.js';
import { OrderEventTailer } from './events/order-event-tailer.js';
import { NUDGE_SUBSCRIBER, OrderEventsNudge } from './events/order-events-nudge.js';
import { RealtimeGateway } from './gateway/realtime.gateway.js';
import { ReplayService } from './gateway/replay.service.js';
import { REALTIME_CONFIG, type RealtimeConfig } from './realtime.config.js';
import { WebConfigController } from './web/web-config.controller.js';

@Module({})
export class RealtimeAppModule {
  static forRoot(config: RealtimeConfig, dataSource: DataSource, subscriber: Redis): DynamicModule {
    const epochs = new StoreEpochFollowers(dataSource);
    return {
      module: RealtimeAppModule,
      imports: [
        ...platformModules({
          jwtSecret: config.JWT_SECRET,
          dataSource,
          extraReadinessChecks: [
            {
              name: 'redis',
              check: async () => {
                if (subscriber.status !== 'ready') throw new Error(`redis ${subscriber.status}`);
              },
            },
            epochs.readinessCheck(),
          ],
        }),
        StoreEpochModule.with(epochs),
      ],
      controllers: [WebConfigController],
      providers: [
        { provide: REALTIME_CONFIG, useValue: config },
        { provide: NUDGE_SUBSCRIBER, useValue: subscriber },
        OrderEventReader,
        EventFanOut,
        OrderEventTailer,
        OrderEventsNudge,
        ReplayService,
        RealtimeGateway,
      ],
    };
  }
}
