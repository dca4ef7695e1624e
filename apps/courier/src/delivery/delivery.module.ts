import { type DynamicModule, Module } from '@nestjs/common';
import { OrderingModule } from '@shopwire/ordering';
import type { CourierConfig } from '../courier.config.js';
import { DeliveryController } from './delivery.controller.js';

/** `GET /orders_to_deliver`, `POST /pick_up_order` (contract §5). */
@Module({})
export class DeliveryModule {
  static forRoot(config: CourierConfig): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [OrderingModule.forRoot({ redisUrl: config.REDIS_URL })],
      controllers: [DeliveryController],
    };
  }
}
