import type { OrderDetails, OrderStatusPayload } from '@shopwire/contracts';

const TIME_OF = { CREATED: 'placedAt', PENDING: 'pickedUpAt', COMPLETE: 'deliveredAt' } as const;

/** The order after a live `order.status`: the new status, and the time of that step. */
export function applyStatus(order: OrderDetails, event: OrderStatusPayload): OrderDetails {
  return { ...order, status: event.status, [TIME_OF[event.status]]: event.occurredAt };
}
