import type { OrderStatus } from '@shopwire/contracts';
import type { QueryRunner } from 'typeorm';

/**
 * Appends the `order_events` row of a state change, copying customer and courier from the order
 * row as it now stands. Call it as the LAST statement before COMMIT: consumers read events by id,
 * and the window between allocating an event id and committing it must stay tiny.
 * Returns the new event id.
 */
export async function appendOrderEvent(tx: QueryRunner, orderId: number, status: OrderStatus): Promise<number> {
  const result = await tx.query(
    `INSERT INTO order_events (order_id, customer_email, status, courier_email, occurred_at)
     SELECT id, customer_email, ?, courier_email, UTC_TIMESTAMP(3) FROM orders WHERE id = ?`,
    [status, orderId],
  );
  return Number(result.insertId);
}
