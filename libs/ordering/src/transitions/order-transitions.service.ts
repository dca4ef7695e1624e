import { Inject, Injectable } from '@nestjs/common';
import type { OrderStatus } from '@shopwire/contracts';
import { InvalidOrderIdError } from '../errors.js';
import { isStorableId } from '../id-range.js';
import { OrderWriter } from '../writes/order-writer.js';

/**
 * The two later transitions of contract §6. Each is ONE conditional UPDATE (the WHERE clause
 * holds the whole precondition, so concurrent attempts get exactly one winner) plus its event
 * row in the same transaction (`OrderWriter`); no row changed → `Invalid order id.` and nothing written.
 */
@Injectable()
export class OrderTransitionsService {
  constructor(@Inject(OrderWriter) private readonly writer: OrderWriter) {}

  /** CREATED → PENDING by a courier, who is recorded on the order (contract §5.2). */
  pickUp(orderId: number, courierEmail: string): Promise<void> {
    return this.transition(
      orderId,
      'PENDING',
      `UPDATE orders SET status = 'PENDING', courier_email = ? WHERE id = ? AND status = 'CREATED'`,
      [courierEmail, orderId],
    );
  }

  /** PENDING → COMPLETE by the customer who placed the order (contract §4.4). */
  confirmDelivery(orderId: number, customerEmail: string): Promise<void> {
    return this.transition(
      orderId,
      'COMPLETE',
      // customer_email compares case-insensitively (column collation), as emails must.
      `UPDATE orders SET status = 'COMPLETE' WHERE id = ? AND status = 'PENDING' AND customer_email = ?`,
      [orderId, customerEmail],
    );
  }

  private async transition(orderId: number, to: OrderStatus, update: string, parameters: unknown[]): Promise<void> {
    if (!isStorableId(orderId)) throw new InvalidOrderIdError();
    await this.writer.write(async (tx) => {
      const result = await tx.query(update, parameters, true);
      if (result.affected !== 1) throw new InvalidOrderIdError();
      return { result: undefined, changed: [orderId], status: to };
    });
  }
}
