import type { DeliveryAddress, GeoPoint, OrderDetails, OrderLineDetails, OrderStatus } from '@shopwire/contracts';
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
  has_address: number;
  /** Not selected for the board. */
  street?: string | null;
  details?: string | null;
  phone?: string | null;
  note?: string | null;
}
interface ItemRow extends OrderLineDetails {
  order_id: number;
  product_id: number;
  quantity: number;
}
/**
 * How much of where an order goes a list shows: all of it to the order's customer and courier;
 * to couriers choosing from the board, only that an address exists and the point rounded to
 * BOARD_LOCATION_DECIMALS (issue 20, ADR 0020, docs/security.md).
 */
type Disclosure = 'full' | 'board';

/** 0.01° ≈ 1.1 km of latitude (less of longitude): enough to judge the distance, not the door. */
export const BOARD_LOCATION_DECIMALS = 2;

/**
 * Orders with id, lines, total and the times of their life cycle, for the web app's extension
 * endpoints (`/my_orders`, `/board`, `/my_deliveries`; the contract's own responses carry no id
 * or times). Three queries per list whatever its length: orders (with their delivery address),
 * their items, their events.
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
    const orders = await this.list(conditions.join(' AND '), params, 'full', OWNER_ORDERS_LIMIT, extras);
    return orders.map((order) => {
      const { courier, productIds } = extras.get(order.id)!;
      const { id, status, placedAt, pickedUpAt, deliveredAt, total, email: customer } = order;
      const items = order.items.map(({ name, price, quantity }, i) => ({ id: productIds[i], name, price, quantity }));
      return { id, status, placedAt, pickedUpAt, deliveredAt, total, customer, courier, items };
    });
  }

  /** A customer's orders, newest first. */
  ofCustomer(customerEmail: string): Promise<OrderDetails[]> {
    return this.list('o.customer_email = ?', [customerEmail], 'full');
  }

  /** Orders waiting for a courier (CREATED), newest first; no address, the point rounded. */
  waiting(): Promise<OrderDetails[]> {
    return this.list(`o.status = 'CREATED'`, [], 'board');
  }

  /** A courier's orders: still on the way (PENDING) or delivered in the last 24 hours. */
  async ofCourier(courierEmail: string): Promise<OrderDetails[]> {
    const orders = await this.list(
      `o.courier_email = ? AND o.status IN ('PENDING', 'COMPLETE')`,
      [courierEmail],
      'full',
    );
    const since = Date.now() - 24 * 3600 * 1000;
    return orders.filter((order) => order.deliveredAt === null || Date.parse(order.deliveredAt) >= since);
  }

  /** `extras`, when given, receives each listed order's courier and line products (the owner's list). */
  private async list(
    where: string,
    params: unknown[],
    disclosure: Disclosure,
    limit = ORDER_DETAILS_LIMIT,
    extras?: Map<number, OwnerExtras>,
  ): Promise<OrderDetails[]> {
    // The board never selects the address columns, so no later change can leak them there.
    const address = disclosure === 'full' ? ', a.street, a.details, a.phone, a.note' : '';
    const orders: OrderRow[] = await this.dataSource.query(
      `SELECT o.id, o.customer_email AS email, o.courier_email AS courier, o.status, o.total, o.delivery_lat,
              o.delivery_lng, a.order_id IS NOT NULL AS has_address${address}
       FROM orders o LEFT JOIN order_delivery_addresses a ON a.order_id = o.id
       WHERE ${where} ORDER BY o.id DESC LIMIT ${limit}`,
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
      orders.map((row) => [
        row.id,
        {
          id: row.id,
          email: row.email,
          status: row.status,
          total: row.total,
          items: [],
          placedAt: '',
          pickedUpAt: null,
          deliveredAt: null,
          deliveryLocation: locationOf(row, disclosure),
          deliveryAddress: disclosure === 'full' ? addressOf(row) : null,
          hasDeliveryAddress: Number(row.has_address) === 1,
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

function locationOf(row: OrderRow, disclosure: Disclosure): GeoPoint | null {
  if (row.delivery_lat === null || row.delivery_lng === null) return null;
  if (disclosure === 'full') return { lat: row.delivery_lat, lng: row.delivery_lng };
  return { lat: roundDegrees(row.delivery_lat), lng: roundDegrees(row.delivery_lng) };
}

function roundDegrees(degrees: number): number {
  const scale = 10 ** BOARD_LOCATION_DECIMALS;
  // Number(toFixed) rather than Math.round(x × 100) / 100: no 44.809999999 in the JSON.
  return Number((Math.round(degrees * scale) / scale).toFixed(BOARD_LOCATION_DECIMALS)) || 0;
}

function addressOf(row: OrderRow): DeliveryAddress | null {
  if (typeof row.street !== 'string') return null;
  return { street: row.street, details: row.details ?? null, phone: row.phone ?? null, note: row.note ?? null };
}
