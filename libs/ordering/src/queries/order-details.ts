import type { OrderDetails, OrderLineDetails, OrderStatus } from '@shopwire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrderEventsRepository } from '../events/order-events.repository.js';
import { OWNER_ORDERS_LIMIT, type OwnerOrder } from '@shopwire/contracts';

/** Most orders one list returns: the newest ones; a view is not an export. */
export const ORDER_DETAILS_LIMIT = 200;

/** Filters of the owner's `GET /orders`. */
export interface OwnerOrdersFilter {
  status?: OrderStatus;
  /** Only orders with a smaller id (the next page after the last id seen). */
  before?: number;
}

/** What the owner's list shows beyond `OrderDetails`: the courier, and the product of each line. */
interface OwnerExtras {
  courier: string | null;
  /** In the order of the `OrderDetails` items. */
  productIds: number[];
}

interface OrderRow {
  id: number;
  email: string;
  courier: string | null;
  status: OrderStatus;
  total: number;
  delivery_lat: number | null;
  delivery_lng: number | null;
}
interface ItemRow extends OrderLineDetails {
  order_id: number;
  product_id: number;
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

  /** Every customer's orders for the owner (`GET /orders`), newest first, at most OWNER_ORDERS_LIMIT. */
  async forOwner({ status, before }: OwnerOrdersFilter): Promise<OwnerOrder[]> {
    const conditions = ['TRUE'];
    const params: unknown[] = [];
    if (status !== undefined) {
      conditions.push('o.status = ?');
      params.push(status);
    }
    if (before !== undefined) {
      conditions.push('o.id < ?');
      params.push(before);
    }
    const extras = new Map<number, OwnerExtras>();
    const orders = await this.list(conditions.join(' AND '), params, OWNER_ORDERS_LIMIT, extras);
    return orders.map((order) => {
      const { courier, productIds } = extras.get(order.id)!;
      const { id, status, placedAt, pickedUpAt, deliveredAt, total, email: customer } = order;
      const items = order.items.map(({ name, price, quantity }, i) => ({ id: productIds[i], name, price, quantity }));
      return { id, status, placedAt, pickedUpAt, deliveredAt, total, customer, courier, items };
    });
  }

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

  /** `extras`, when given, receives each listed order's courier and line products (the owner's list). */
  private async list(
    where: string,
    params: unknown[],
    limit = ORDER_DETAILS_LIMIT,
    extras?: Map<number, OwnerExtras>,
  ): Promise<OrderDetails[]> {
    const orders: OrderRow[] = await this.dataSource.query(
      `SELECT id, customer_email AS email, courier_email AS courier, status, total, delivery_lat, delivery_lng
         FROM orders o WHERE ${where} ORDER BY id DESC LIMIT ${limit}`,
      params,
    );
    if (orders.length === 0) return [];
    for (const { id, courier } of orders) extras?.set(id, { courier, productIds: [] });
    const ids = orders.map((order) => order.id);
    const [items, events]: [ItemRow[], Awaited<ReturnType<OrderEventsRepository['lifeCycleOf']>>] = await Promise.all([
      this.dataSource.query(
        `SELECT i.order_id, i.product_id, p.name, i.unit_price AS price, i.quantity
         FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id IN (?) ORDER BY p.name`,
        [ids],
      ),
      this.events.lifeCycleOf(ids),
    ]);
    const byId = new Map<number, OrderDetails>(
      orders.map(({ delivery_lat: lat, delivery_lng: lng, courier: _courier, ...order }) => [
        order.id,
        {
          ...order,
          items: [],
          placedAt: '',
          pickedUpAt: null,
          deliveredAt: null,
          deliveryLocation: lat !== null && lng !== null ? { lat, lng } : null,
        } satisfies OrderDetails,
      ]),
    );
    for (const item of items) {
      byId.get(item.order_id)?.items.push({ name: item.name, price: item.price, quantity: Number(item.quantity) });
      extras?.get(item.order_id)?.productIds.push(item.product_id);
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
