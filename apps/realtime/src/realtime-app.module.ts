import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import { OrderEventsSubscriber } from '@shopwire/ordering';
import type { Redis } from 'ioredis';
import { StoreEpochFollowers, StoreEpochModule } from '@shopwire/store-data';
import type { DataSource } from 'typeorm';
import { EventFanOut } from './events/event-fan-out.js';
import { OrderEventsRepository, OrdersInDeliveryQuery } from '@shopwire/ordering';
import { OrderEventTailer } from './events/order-event-tailer.js';
import { OrderEventRelay } from './events/order-event-relay.js';
import { ReplayService } from './events/replay.service.js';
import { OwnerSignals } from './events/owner-signals.js';
import { RealtimeGateway } from './gateway/realtime.gateway.js';
import { SupersededConnections } from './gateway/superseded-connections.js';
import { CourierLocationService } from './location/courier-location.service.js';
import { CourierOrders } from './location/courier-orders.js';
import { CustomerLocationFeed, LOCATION_SUBSCRIBER } from './location/customer-location-feed.js';
import { LocationEvents } from './location/location-events.js';
import { LOCATION_PUBLISHER, LocationRelay } from './location/location-relay.js';
import { REALTIME_CONFIG, type RealtimeConfig } from './realtime.config.js';
import { WebConfigController } from './web/web-config.controller.js';

/**
 * The app's Redis connections, each on its own: the order-events channel must never share a
 * connection (or its failures) with the courier-position stream.
 */
export interface RealtimeRedis {
  orderEvents: OrderEventsSubscriber;
  locationPublisher: Redis;
  locationSubscriber: Redis;
}

@Module({})
export class RealtimeAppModule {
  static forRoot(config: RealtimeConfig, dataSource: DataSource, redis: RealtimeRedis): DynamicModule {
    const { orderEvents } = redis;
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
                if (!orderEvents.connected) throw new Error('redis not connected');
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
        { provide: OrderEventsSubscriber, useValue: orderEvents },
        { provide: LOCATION_PUBLISHER, useValue: redis.locationPublisher },
        { provide: LOCATION_SUBSCRIBER, useValue: redis.locationSubscriber },
        LocationRelay,
        CourierOrders,
        CustomerLocationFeed,
        LocationEvents,
        CourierLocationService,
        OrderEventsRepository,
        OrdersInDeliveryQuery,
        OwnerSignals,
        EventFanOut,
        OrderEventTailer,
        OrderEventRelay,
        ReplayService,
        SupersededConnections,
        RealtimeGateway,
      ],
    };
  }
}
