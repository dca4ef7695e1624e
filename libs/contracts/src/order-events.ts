import type { OrderStatus } from './order-status.js';

/**
 * Redis pub/sub channel on which a service announces, after commit, that order events were
 * written (message: the highest new event id, decimal). It is only a wake-up nudge: the
 * `order_events` table is the source of truth, so a lost nudge delays a push but loses nothing.
 */
export const ORDER_EVENTS_CHANNEL = 'shopwire:order-events';

/** An `order_events` row as consumers (realtime, statistics) read it. */
export interface OrderEventRecord {
  /** Global, increasing event id; clients use it to resume and to drop duplicates. */
  id: number;
  orderId: number;
  customerEmail: string;
  status: OrderStatus;
  courierEmail: string | null;
  /** ISO 8601 UTC with milliseconds. */
  occurredAt: string;
}
