/**
 * Redis names of the courier-position stream (ADR 0009). Positions are ephemeral: nothing here is
 * kept longer than its TTL, and no list of past positions exists anywhere.
 */
const PREFIX = 'shopwire:courier-location';

/** The latest position of one PENDING order (a CourierLocationPayload as JSON), with a short TTL. */
export const lastPositionKey = (orderId: number) => `${PREFIX}:last:${orderId}`;

/** Taken by a courier's accepted report in one rate window: the cross-replica rate gate. */
export const courierGateKey = (courierEmail: string, window: number) =>
  `${PREFIX}:gate:${courierEmail.toLowerCase()}:${window}`;

/** Positions for one customer's orders: subscribed by the replicas where that customer is connected. */
export const customerChannel = (customerEmail: string) => `${PREFIX}:to:${customerEmail.toLowerCase()}`;

export const CUSTOMER_CHANNEL_PREFIX = `${PREFIX}:to:`;
