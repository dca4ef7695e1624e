import { readOrderEvents as readPlainOrderEvents, type StoredOrderEvent } from './plain/order-events.mjs';
import type { DataSource } from 'typeorm';

export interface OrderTableCounts {
  orders: number;
  items: number;
  events: number;
  /** `order_delivery_addresses` (issue 20). */
  addresses: number;
}

/** Test helper: row counts of the order tables (a refused request must leave them unchanged). */
export async function countOrderRows(dataSource: DataSource): Promise<OrderTableCounts> {
  const [row] = await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_items) AS items,
            (SELECT COUNT(*) FROM order_events) AS events,
            (SELECT COUNT(*) FROM order_delivery_addresses) AS addresses`,
  );
  return {
    orders: Number(row.orders),
    items: Number(row.items),
    events: Number(row.events),
    addresses: Number(row.addresses),
  };
}

export type { StoredOrderEvent } from './plain/order-events.mjs';

/** Test helper: the `order_events` rows of one order (or all), in id order (shared with scripts/lib). */
export function readOrderEvents(dataSource: DataSource, orderId?: number): Promise<StoredOrderEvent[]> {
  return readPlainOrderEvents((sql, parameters) => dataSource.query(sql, parameters), orderId);
}
