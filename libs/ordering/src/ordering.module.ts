import { type DynamicModule, Module } from '@nestjs/common';
import { OrderEventsPublisher } from './events/order-events-channel.js';
import { OrderEventsRepository } from './events/order-events.repository.js';
import { IdempotencyKeysRepository } from './idempotency/idempotency-keys.repository.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { ORDERING_OPTIONS, type OrderingOptions } from './ordering-options.js';
import { OrderPlacementService } from './placement/order-placement.service.js';
import { OrderGroupCommit } from './placement/order-group-commit.js';
import { PlaceOrder } from './placement/place-order.js';
import { CustomerOrderHistoryQuery } from './queries/customer-order-history.query.js';
import { OrderDetailsQuery } from './queries/order-details.query.js';
import { OrdersToDeliverQuery } from './queries/orders-to-deliver.query.js';
import { OrderTransitionsService } from './transitions/order-transitions.service.js';
import { ProductPricesQuery } from './queries/product-prices.query.js';
import { OrderWriter } from './writes/order-writer.js';
import { OrdersRepository } from './writes/orders.repository.js';

const services = [
  OrderEventsRepository,
  OrderWriter,
  OrdersRepository,
  ProductPricesQuery,
  OrderPlacementService,
  OrderGroupCommit,
  PlaceOrder,
  OrderTransitionsService,
  CustomerOrderHistoryQuery,
  OrdersToDeliverQuery,
  OrderDetailsQuery,
  IdempotencyKeysRepository,
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
