import type { OrderStatus } from '@shopwire/contracts';
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

export interface StoredOrderEvent {
  id: number;
  orderId: number;
  customerEmail: string;
  status: OrderStatus;
  courierEmail: string | null;
}

/** Test helper: the `order_events` rows of one order (or all), in id order. */
export async function readOrderEvents(dataSource: DataSource, orderId?: number): Promise<StoredOrderEvent[]> {
  const rows: any[] = await dataSource.query(
    `SELECT id, order_id, customer_email, status, courier_email FROM order_events
     ${orderId === undefined ? '' : 'WHERE order_id = ?'} ORDER BY id`,
    orderId === undefined ? [] : [orderId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    orderId: Number(row.order_id),
    customerEmail: row.customer_email,
    status: row.status,
    courierEmail: row.courier_email,
  }));
}
