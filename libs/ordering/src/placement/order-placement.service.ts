import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { parseGeoPoint, type GeoPoint } from '@shopwire/contracts';
import { InvalidDeliveryLocationError, InvalidProductError, InvalidProductQuantityError } from '../errors.js';
import { appendOrderEvent } from '../events/append-order-event.js';
import { OrderEventsPublisher } from '../events/order-events-channel.js';
import { exactTotal } from '../money/exact-total.js';
import { runInTransaction } from '@shopwire/database';
import { mergeOrderRequests, type OrderLine, type OrderRequest } from './order-request.js';
import { productPrices } from './product-prices.js';

/** Extra work that must commit atomically with the new order (e.g. storing an idempotent reply). */
export type WithinOrderTransaction = (tx: QueryRunner, orderId: number) => Promise<void>;

export interface PlaceOrderOptions {
  /**
   * `deliveryLocation` of the body as received (issue 12, additive): absent/null = none; else it
   * must be `{lat, lng}` in range, checked after every contract check (after check 3).
   */
  deliveryLocation?: unknown;
  withinTransaction?: WithinOrderTransaction;
}

interface PricedLine extends OrderLine {
  unitPrice: number;
}

/**
 * Places an order from validated requests (contract §4.2 check 3, then the delivery location,
 * then success): one price query, then one transaction — order row, one multi-row item insert, the caller's extra work, and the
 * CREATED event last — then a post-commit nudge. Returns the new order id.
 */
@Injectable()
export class OrderPlacementService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrderEventsPublisher) private readonly orderEvents: OrderEventsPublisher,
  ) {}

  async place(
    customerEmail: string,
    requests: readonly OrderRequest[],
    { deliveryLocation, withinTransaction }: PlaceOrderOptions = {},
  ): Promise<number> {
    const prices = await productPrices(
      this.dataSource,
      requests.map((request) => request.productId),
    );
    const missing = requests.findIndex((request) => !prices.has(request.productId));
    if (missing >= 0) throw new InvalidProductError(missing);
    const destination = deliveryDestination(deliveryLocation);

    const lines: PricedLine[] = mergeOrderRequests(requests).map((line) => ({
      ...line,
      unitPrice: prices.get(line.productId)!,
    }));
    const total = orderTotal(lines);

    const { orderId, eventId } = await runInTransaction(this.dataSource, async (tx) => {
      const order = await tx.query(
        `INSERT INTO orders (customer_email, status, total, created_at, delivery_lat, delivery_lng)
         VALUES (?, 'CREATED', ?, UTC_TIMESTAMP(), ?, ?)`,
        [customerEmail, total, destination?.lat ?? null, destination?.lng ?? null],
      );
      const orderId = Number(order.insertId);
      await tx.query(
        `INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES ${lines.map(() => '(?, ?, ?, ?)').join(', ')}`,
        lines.flatMap((line) => [orderId, line.productId, line.quantity, line.unitPrice]),
      );
      await withinTransaction?.(tx, orderId);
      return { orderId, eventId: await appendOrderEvent(tx, orderId, 'CREATED') };
    });
    this.orderEvents.publish(eventId);
    return orderId;
  }
}

function deliveryDestination(value: unknown): GeoPoint | undefined {
  if (value === undefined || value === null) return undefined;
  const point = parseGeoPoint(value);
  if (!point) throw new InvalidDeliveryLocationError();
  return point;
}

/** Exact Σ unit price × quantity; a total too large for a double blames the line that made it so. */
function orderTotal(lines: readonly PricedLine[]): number {
  return exactTotal(lines, (i) => {
    throw new InvalidProductQuantityError(lines[i].firstIndex);
  });
}
