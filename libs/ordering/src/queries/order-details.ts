import type { OrderDetails, OrderLineDetails, OrderStatus } from '@shopwire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrderEventsRepository } from '../events/order-events.repository.js';

/** Most orders one list returns: the newest ones; a view is not an export. */
export const ORDER_DETAILS_LIMIT = 200;

interface OrderRow {
  id: number;
  email: string;
  status: OrderStatus;
  total: number;
  delivery_lat: number | null;
  delivery_lng: number | null;
}
interface ItemRow extends OrderLineDetails {
  order_id: number;
  quantity: number;
}
/**
 * Orders with id, lines, total and the times of their life cycle, for the web app's extension
 * endpoints (`/my_orders`, `/board`, `/my_deliveries`; the contract's own responses carry no id
 * or times). Three queries per list whatever its length: orders, their items, their events.
 */
@Injectable()
export class OrderDetailsQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
  ) {}

  /** A customer's orders, newest first. */
  ofCustomer(customerEmail: string): Promise<OrderDetails[]> {
    return this.list('customer_email = ?', [customerEmail]);
  }

  /** Orders waiting for a courier (CREATED), newest first. */
  waiting(): Promise<OrderDetails[]> {
    return this.list(`status = 'CREATED'`, []);
  }

  /** A courier's orders: still on the way (PENDING) or delivered in the last 24 hours. */
  async ofCourier(courierEmail: string): Promise<OrderDetails[]> {
    const orders = await this.list(`courier_email = ? AND status IN ('PENDING', 'COMPLETE')`, [courierEmail]);
    const since = Date.now() - 24 * 3600 * 1000;
    return orders.filter((order) => order.deliveredAt === null || Date.parse(order.deliveredAt) >= since);
  }

  private async list(where: string, params: unknown[]): Promise<OrderDetails[]> {
    const orders: OrderRow[] = await this.dataSource.query(
      `SELECT id, customer_email AS email, status, total, delivery_lat, delivery_lng FROM orders WHERE ${where} ORDER BY id DESC LIMIT ${ORDER_DETAILS_LIMIT}`,
      params,
    );
    if (orders.length === 0) return [];
    const ids = orders.map((order) => order.id);
    const [items, events]: [ItemRow[], Awaited<ReturnType<OrderEventsRepository['lifeCycleOf']>>] = await Promise.all([
      this.dataSource.query(
        `SELECT i.order_id, p.name, i.unit_price AS price, i.quantity
         FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id IN (?) ORDER BY p.name`,
        [ids],
      ),
      this.events.lifeCycleOf(ids),
    ]);
    const byId = new Map<number, OrderDetails>(
      orders.map(({ delivery_lat: lat, delivery_lng: lng, ...order }) => [
        order.id,
        {
          ...order,
          items: [],
          placedAt: '',
          pickedUpAt: null,
          deliveredAt: null,
          deliveryLocation: lat !== null && lng !== null ? { lat, lng } : null,
          // Placeholder until the delivery-address storage (issue 20, another branch) fills them.
          deliveryAddress: null,
          hasDeliveryAddress: false,
        } satisfies OrderDetails,
      ]),
    );
    for (const item of items) {
      byId.get(item.order_id)?.items.push({ name: item.name, price: item.price, quantity: Number(item.quantity) });
    }
    for (const event of events) {
      const order = byId.get(event.order_id);
      if (!order) continue;
      // DATE_FORMAT's %f is microseconds: keep milliseconds like every other timestamp of the API.
      const at = event.at.replace(/\.(\d{3})\d*Z$/, '.$1Z');
      if (event.status === 'CREATED') order.placedAt = at;
      else if (event.status === 'PENDING') order.pickedUpAt = at;
      else order.deliveredAt = at;
    }
    return [...byId.values()];
  }
}
