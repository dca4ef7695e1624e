import { Inject, Injectable } from '@nestjs/common';
import type { OrderStatus } from '@shopwire/contracts';
import type { QueryRunner } from 'typeorm';
import { InvalidOrderIdError } from '../errors.js';
import { isStorableId } from '../id-range.js';
import { OrderWriter } from '../writes/order-writer.js';
import { OrdersRepository } from '../writes/orders.repository.js';

/**
 * The two later transitions of contract §6. Each is ONE conditional UPDATE (`OrdersRepository`: the
 * WHERE clause holds the whole precondition, so concurrent attempts get exactly one winner) plus its
 * event row in the same transaction (`OrderWriter`); no row changed → `Invalid order id.` and nothing written.
 */
@Injectable()
export class OrderTransitionsService {
  constructor(
    @Inject(OrderWriter) private readonly writer: OrderWriter,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
  ) {}

  /** CREATED → PENDING by a courier, who is recorded on the order (contract §5.2). */
  pickUp(orderId: number, courierEmail: string): Promise<void> {
    return this.transition(orderId, 'PENDING', (tx) => this.orders.pickUp(tx, orderId, courierEmail));
  }

  /** PENDING → COMPLETE by the customer who placed the order (contract §4.4). */
  confirmDelivery(orderId: number, customerEmail: string): Promise<void> {
    return this.transition(orderId, 'COMPLETE', (tx) => this.orders.confirmDelivery(tx, orderId, customerEmail));
  }

  private async transition(
    orderId: number,
    to: OrderStatus,
    update: (tx: QueryRunner) => Promise<boolean>,
  ): Promise<void> {
    if (!isStorableId(orderId)) throw new InvalidOrderIdError();
    await this.writer.write(async (tx) => {
      if (!(await update(tx))) throw new InvalidOrderIdError();
      return { result: undefined, changed: orderId, status: to };
    });
  }
}
