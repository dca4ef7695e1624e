import { Inject, Injectable } from '@nestjs/common';
import { SharedFreshRead } from '@shopwire/database';
import { DataSource } from 'typeorm';
import type { OrderToDeliverView } from './order-views.js';

/**
 * `GET /orders_to_deliver` (contract §5.1): every CREATED order, ascending id, one indexed query.
 * Concurrent requests share one query sent after each of them arrived, and its serialised body
 * (`SharedFreshRead`, ADR 0012): every order placed or picked up before a request is reflected in
 * its answer, as with a query per request.
 */
@Injectable()
export class OrdersToDeliverQuery {
  private readonly bodies = new SharedFreshRead<'board', Buffer>(async () => {
    const orders = await this.list();
    return new Map([['board', Buffer.from(JSON.stringify({ orders }))]]);
  });

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private list(): Promise<OrderToDeliverView[]> {
    return this.dataSource.query(`SELECT id, customer_email AS email FROM orders WHERE status = 'CREATED' ORDER BY id`);
  }

  /** `{"orders": […]}` as UTF-8 JSON. */
  json(): Promise<Buffer> {
    return this.bodies.get('board');
  }
}
