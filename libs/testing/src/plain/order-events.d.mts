import type { OrderStatus } from '@shopwire/contracts';

export interface StoredOrderEvent {
  id: number;
  orderId: number;
  customerEmail: string;
  status: OrderStatus;
  courierEmail: string | null;
}

/** The `order_events` rows of one order (or all), in id order. */
export function readOrderEvents(
  query: (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>,
  orderId?: number,
): Promise<StoredOrderEvent[]>;
