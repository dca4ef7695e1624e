import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exactTotal, type PricedQuantity } from '../money/exact-total.js';
import type { CustomerOrderView, OrderItemView } from './order-views.js';

interface OrderRow {
  id: number;
  status: CustomerOrderView['status'];
  total: number;
  timestamp: string;
  delivery_lat: number | null;
  delivery_lng: number | null;
}

interface ItemRow {
  order_id: number;
  name: string;
  price: number;
  quantity: number | string;
  /** mysql2 parses a JSON-typed column itself; a driver that does not hands over the text. */
  categories: string[] | string | null;
}

/**
 * `GET /status` (contract §4.3) in exactly two queries whatever the number of orders: the
 * customer's orders, then all their items with each product's categories aggregated as a JSON
 * array (JSON escaping keeps names with commas, quotes or separators intact).
 */
@Injectable()
export class CustomerOrderHistoryQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async ordersOf(customerEmail: string): Promise<CustomerOrderView[]> {
    // customer_email compares case-insensitively (column collation).
    const orders: OrderRow[] = await this.dataSource.query(
      `SELECT id, status, total, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ') AS timestamp,
              delivery_lat, delivery_lng
       FROM orders WHERE customer_email = ? ORDER BY id`,
      [customerEmail],
    );
    if (orders.length === 0) return [];
    const items: ItemRow[] = await this.dataSource.query(
      `SELECT i.order_id, p.name, i.unit_price AS price, i.quantity,
              (SELECT JSON_ARRAYAGG(c.name) FROM product_categories pc JOIN categories c ON c.id = pc.category_id
               WHERE pc.product_id = i.product_id) AS categories
       FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
       WHERE o.customer_email = ? AND o.id <= ?`,
      [customerEmail, orders[orders.length - 1].id],
    );
    return assemble(orders, items);
  }
}

function assemble(orders: readonly OrderRow[], items: readonly ItemRow[]): CustomerOrderView[] {
  const byOrder = new Map<number, OrderItemView[]>(orders.map((order) => [order.id, []]));
  for (const item of items) {
    byOrder.get(item.order_id)?.push({
      categories: categoryNames(item.categories),
      name: item.name,
      price: item.price,
      quantity: Number(item.quantity),
    });
  }
  return orders.map((order) => {
    const products = byOrder.get(order.id)!;
    const view: CustomerOrderView = {
      products,
      // From the items, exactly: totals stored by earlier releases were floating-point sums.
      price: products.length > 0 ? exactTotal(products.map(asPricedQuantity)) : order.total,
      status: order.status,
      timestamp: order.timestamp,
    };
    if (order.delivery_lat !== null && order.delivery_lng !== null) {
      view.deliveryLocation = { lat: order.delivery_lat, lng: order.delivery_lng };
    }
    return view;
  });
}

function asPricedQuantity(item: OrderItemView): PricedQuantity {
  return { unitPrice: item.price, quantity: item.quantity };
}

function categoryNames(value: ItemRow['categories']): string[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
}
