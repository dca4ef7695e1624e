import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderToDeliverView } from './order-views.js';

/** `GET /orders_to_deliver` (contract §5.1): every CREATED order, ascending id, one indexed query. */
@Injectable()
export class OrdersToDeliver {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  list(): Promise<OrderToDeliverView[]> {
    return this.dataSource.query(`SELECT id, customer_email AS email FROM orders WHERE status = 'CREATED' ORDER BY id`);
  }
}
