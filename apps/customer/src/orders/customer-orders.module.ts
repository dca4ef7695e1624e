import { type DynamicModule, Module } from '@nestjs/common';
import { OrderingModule } from '@shopwire/ordering';
import type { CustomerConfig } from '../customer.config.js';
import { CustomerOrdersController } from './customer-orders.controller.js';
import { StatusResponses } from './status-responses.js';

/** `POST /order`, `GET /status`, `POST /delivered` (contract §4.2–§4.4). */
@Module({})
export class CustomerOrdersModule {
  static forRoot(config: CustomerConfig): DynamicModule {
    return {
      module: CustomerOrdersModule,
      imports: [
        OrderingModule.forRoot({
          redisUrl: config.REDIS_URL,
          idempotency: {
            inFlightTimeoutSeconds: config.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS,
            retentionSeconds: config.IDEMPOTENCY_RETENTION_SECONDS,
          },
        }),
      ],
      controllers: [CustomerOrdersController],
      providers: [StatusResponses],
    };
  }
}
