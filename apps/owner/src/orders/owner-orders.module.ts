import { Module } from '@nestjs/common';
import { OrderDetailsQuery, OrderEventsRepository } from '@shopwire/ordering';
import { OwnerOrdersController } from './owner-orders.controller.js';

/**
 * `GET /orders` (issue 20 item 7). The ordering lib's read side only: the owner app places no
 * order and publishes nothing, so it needs neither OrderingModule's Redis publisher nor its writers.
 */
@Module({
  controllers: [OwnerOrdersController],
  providers: [OrderEventsRepository, OrderDetailsQuery],
})
export class OwnerOrdersModule {}
