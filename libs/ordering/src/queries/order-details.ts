import { OWNER_ORDERS_LIMIT, type OrderDetails, type OrderStatus, type OwnerOrder } from '@shopwire/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrderEventsRepository } from '../events/order-events.repository.js';

/** Most orders one list returns: the newest ones; a view is not an export. */
export const ORDER_DETAILS_LIMIT = 200;

interface OrderRow {
  id: number;
  email: string;
  courier: string | null;
  status: OrderStatus;
  total: number;
  delivery_lat: number | null;
  delivery_lng: number | null;
}
interface ItemRow {
  order_id: number;
  product_id: number;
  name: string;
  price: number;
  quantity: number;
}

/** An order with everything any list shows; each endpoint answers its own keys of it. */
interface OrderRecord extends OrderDetails {
  courier: string | null;
  items: Array<OrderDetails['items'][number] & { productId: number }>;
}

/** Filters of the owner's `GET /orders`. */
export interface OwnerOrdersFilter {
  status?: OrderStatus;
  /** Only orders with a smaller id (the next page after the last id seen). */
  before?: number;
}
/**
 * Orders with id, lines, total and the times of their life cycle, for the web app's extension
 * endpoints (`/my_orders`, `/board`, `/my_deliveries`, the owner's `/orders`; the contract's own
 * responses carry no id or times). Three queries per list whatever its length: orders, their
 * items, their events.
 */
@Injectable()
export class OrderDetailsQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
  ) {}

  /** A customer's orders, newest first. */
  async ofCustomer(customerEmail: string): Promise<OrderDetails[]> {
    return (await this.list('customer_email = ?', [customerEmail])).map(orderDetails);
  }

  /** Orders waiting for a courier (CREATED), newest first. */
  async waiting(): Promise<OrderDetails[]> {
    return (await this.list(`status = 'CREATED'`, [])).map(orderDetails);
  }

  /** A courier's orders: still on the way (PENDING) or delivered in the last 24 hours. */
  async ofCourier(courierEmail: string): Promise<OrderDetails[]> {
    const orders = await this.list(`courier_email = ? AND status IN ('PENDING', 'COMPLETE')`, [courierEmail]);
    const since = Date.now() - 24 * 3600 * 1000;
    return orders
      .filter((order) => order.deliveredAt === null || Date.parse(order.deliveredAt) >= since)
      .map(orderDetails);
  }

  /** Every customer's orders for the owner, newest first, optionally of one status / before an id. */
  async forOwner({ status, before }: OwnerOrdersFilter): Promise<OwnerOrder[]> {
    const conditions = ['TRUE'];
    const params: unknown[] = [];
    if (status !== undefined) {
      conditions.push('status = ?');
      params.push(status);
    }
    if (before !== undefined) {
      conditions.push('id < ?');
      params.push(before);
    }
    const orders = await this.list(conditions.join(' AND '), params, OWNER_ORDERS_LIMIT);
    return orders.map((order) => ({
      id: order.id,
      status: order.status,
      placedAt: order.placedAt,
      pickedUpAt: order.pickedUpAt,
      deliveredAt: order.deliveredAt,
      total: order.total,
      customer: order.email,
      courier: order.courier,
      items: order.items.map(({ productId, name, price, quantity }) => ({ id: productId, name, price, quantity })),
    }));
  }

  private async list(where: string, params: unknown[], limit = ORDER_DETAILS_LIMIT): Promise<OrderRecord[]> {
    const orders: OrderRow[] = await this.dataSource.query(
      `SELECT id, customer_email AS email, courier_email AS courier, status, total, delivery_lat, delivery_lng
         FROM orders WHERE ${where} ORDER BY id DESC LIMIT ${limit}`,
      params,
    );
    if (orders.length === 0) return [];
    const ids = orders.map((order) => order.id);
    const [items, events]: [ItemRow[], Awaited<ReturnType<OrderEventsRepository['lifeCycleOf']>>] = await Promise.all([
      this.dataSource.query(
        `SELECT i.order_id, i.product_id, p.name, i.unit_price AS price, i.quantity
         FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id IN (?) ORDER BY p.name`,
        [ids],
      ),
      this.events.lifeCycleOf(ids),
    ]);
    const byId = new Map<number, OrderRecord>(
      orders.map(({ delivery_lat: lat, delivery_lng: lng, ...order }) => [
        order.id,
        {
          ...order,
          items: [],
          placedAt: '',
          pickedUpAt: null,
          deliveredAt: null,
          deliveryLocation: lat !== null && lng !== null ? { lat, lng } : null,
        } satisfies OrderRecord,
      ]),
    );
    for (const item of items) {
      byId.get(item.order_id)?.items.push({
        productId: item.product_id,
        name: item.name,
        price: item.price,
        quantity: Number(item.quantity),
      });
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

/** The keys of `/my_orders`, `/board` and `/my_deliveries`, in their order. */
function orderDetails(order: OrderRecord): OrderDetails {
  const { id, email, status, total, items, placedAt, pickedUpAt, deliveredAt, deliveryLocation } = order;
  return {
    id,
    email,
    status,
    total,
    items: items.map(({ name, price, quantity }) => ({ name, price, quantity })),
    placedAt,
    pickedUpAt,
    deliveredAt,
    deliveryLocation,
  };
}
