import { type DynamicModule, Module } from '@nestjs/common';
import { OrderEventsPublisher } from './events/order-events-channel.js';
import { OrderEventsRepository } from './events/order-events.repository.js';
import { IdempotencyKeyStore } from './idempotency/idempotency-key.store.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { ORDERING_OPTIONS, type OrderingOptions } from './ordering-options.js';
import { OrderPlacementService } from './placement/order-placement.service.js';
import { OrderGroupCommit } from './placement/order-group-commit.js';
import { PlaceOrder } from './placement/place-order.js';
import { CustomerOrderHistory } from './queries/customer-order-history.js';
import { OrderDetailsQuery } from './queries/order-details.js';
import { OrdersToDeliver } from './queries/orders-to-deliver.js';
import { OrderTransitionsService } from './transitions/order-transitions.service.js';
import { OrderWriter } from './writes/order-writer.js';

const services = [
  OrderEventsRepository,
  OrderWriter,
  OrderPlacementService,
  OrderGroupCommit,
  PlaceOrder,
  OrderTransitionsService,
  CustomerOrderHistory,
  OrdersToDeliver,
  OrderDetailsQuery,
  IdempotencyKeyStore,
  IdempotencyService,
];

/**
 * The order life cycle (contract §4.2–§4.4, §5, §6, §8) for the customer and courier apps.
 * Needs the app's store DataSource (DatabaseModule) in scope.
 */
@Module({})
export class OrderingModule {
  static forRoot(options: OrderingOptions): DynamicModule {
    return {
      module: OrderingModule,
      providers: [
        { provide: ORDERING_OPTIONS, useValue: options },
        { provide: OrderEventsPublisher, useFactory: () => new OrderEventsPublisher(options.redisUrl) },
        ...services,
      ],
      exports: [OrderEventsPublisher, ...services],
    };
  }
}
