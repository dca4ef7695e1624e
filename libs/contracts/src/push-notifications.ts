import type { OrderStatus } from './order-status.js';

/**
 * The decrypted Web Push payloads the worker sends and the service worker shows (docs/push.md).
 * Privacy: no email, name or address — less than the socket events carry (those name the
 * customer to couriers). Orders are described by id, number of items and total only.
 */
export interface PushOrderSummary {
  orderId: number;
  /** Sum of the quantities. */
  items: number;
  total: number;
}

/** To a courier device: orders that appeared since its last push (newest first, at most a few listed). */
export interface NewOrdersPush {
  type: 'orders.new';
  /** How many new orders this push covers (may exceed `orders.length`). */
  count: number;
  orders: PushOrderSummary[];
  /** The courier stream positions covered, inclusive: consecutive pushes never overlap. */
  from: number;
  to: number;
}

/** To a customer device: one of their orders was picked up (PENDING) or delivered (COMPLETE). */
export interface OrderStatusPush extends PushOrderSummary {
  type: 'order.status';
  eventId: number;
  status: Extract<OrderStatus, 'PENDING' | 'COMPLETE'>;
}

export type PushNotificationPayload = NewOrdersPush | OrderStatusPush;

/** RFC 8030 Topic of courier pushes: a push service keeps only the newest undelivered one. */
export const NEW_ORDERS_TOPIC = 'new-orders';
/** Listed orders per courier push; `count` says how many there are in all. */
export const NEW_ORDERS_LISTED = 5;
