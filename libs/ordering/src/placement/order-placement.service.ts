import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { BadRequestError, parseGeoPoint, type DeliveryAddress, type GeoPoint } from '@shopwire/contracts';
import type { CompoundStatement, SqlExecutor } from '@shopwire/database';
import { InvalidDeliveryLocationError, InvalidProductError, InvalidProductQuantityError } from '../errors.js';
import { exactTotal } from '../money/exact-total.js';
import { parseDeliveryAddress } from './delivery-address.js';
import { KnownPrices, type EpochPrices } from './known-prices.js';
import { mergeOrderRequests, type OrderRequest } from './order-request.js';
import { ProductPricesQuery } from '../queries/product-prices.query.js';
import {
  OrdersRepository,
  PricesOfOtherEpochError,
  type OrderRows,
  type PricedLine,
} from '../writes/orders.repository.js';

/** Where an order goes, as `POST /order` received it (additive fields, checked after check 3). */
export interface DeliveryInput {
  /** `deliveryLocation` (issue 12). */
  location?: unknown;
  /** `deliveryAddress` (issue 20), checked after the location. */
  address?: unknown;
}

/** A validated order request, priced and checked, ready to be written. */
export interface PreparedOrder extends OrderRows {
  requests: readonly OrderRequest[];
  delivery: DeliveryInput;
}

/**
 * Prices and writes orders (contract §4.2 check 3, then the delivery location and address) in the
 * two steps `PlaceOrder` calls: `prepare` before the transaction (prices from memory when known,
 * else one query), then `insertOrder` inside the `OrderWriter`'s transaction (one round trip).
 */
@Injectable()
export class OrderPlacementService {
  private readonly knownPrices = new KnownPrices();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ProductPricesQuery) private readonly productPrices: ProductPricesQuery,
    @Inject(OrdersRepository) private readonly orders: OrdersRepository,
  ) {}

  /**
   * Check 3, then `deliveryLocation` as received (issue 12, additive: absent/null = none, else
   * `{lat, lng}` in range), then the exact total, then `deliveryAddress` (issue 20,
   * `parseDeliveryAddress`). Throws the contract's 400s.
   */
  async prepare(
    customerEmail: string,
    requests: readonly OrderRequest[],
    delivery: DeliveryInput = {},
  ): Promise<PreparedOrder> {
    const ids = requests.map((request) => request.productId);
    const prices = this.knownPrices.lookup(ids) ?? (await this.readPrices(this.dataSource, ids));
    return priceOrder(customerEmail, requests, delivery, prices);
  }

  /**
   * Writes the order row and its items; returns the order id. Prices of a store that has been
   * reset since are dropped and read again on this transaction's connection (nothing was written).
   */
  async insertOrder(tx: QueryRunner, order: PreparedOrder): Promise<number> {
    try {
      return await this.orders.insert(tx, order);
    } catch (error) {
      if (!(error instanceof PricesOfOtherEpochError)) throw error;
      this.knownPrices.forget();
      const ids = order.requests.map((request) => request.productId);
      const fresh = priceOrder(order.customerEmail, order.requests, order.delivery, await this.readPrices(tx, ids));
      return this.orders.insert(tx, fresh);
    }
  }

  /**
   * Adds the orders to a placement statement (a group commit, ADR 0026); returns the variables of
   * their ids, in order. Any failure fails them all and writes nothing of them: the caller then
   * writes each alone (`insertOrder`), which re-prices after a catalogue change.
   */
  addOrders(statement: CompoundStatement, orders: readonly PreparedOrder[]): string[] {
    return this.orders.addInsert(statement, orders);
  }

  private async readPrices(db: SqlExecutor, ids: readonly number[]): Promise<EpochPrices> {
    const prices = await this.productPrices.prices(db, ids);
    this.knownPrices.remember(prices);
    return prices;
  }
}

function priceOrder(
  customerEmail: string,
  requests: readonly OrderRequest[],
  delivery: DeliveryInput,
  { epoch, prices }: EpochPrices,
): PreparedOrder {
  const missing = requests.findIndex((request) => !prices.has(request.productId));
  if (missing >= 0) throw new InvalidProductError(missing);
  const destination = deliveryDestination(delivery.location);
  const lines: PricedLine[] = mergeOrderRequests(requests).map((line) => ({
    ...line,
    unitPrice: prices.get(line.productId)!,
  }));
  const total = orderTotal(lines);
  // Last: every check that existed before the address keeps its place (issue 20).
  const address = deliveryAddress(delivery.address);
  return { customerEmail, requests, delivery, destination, address, lines, total, priceEpoch: epoch };
}

function deliveryDestination(value: unknown): GeoPoint | undefined {
  if (value === undefined || value === null) return undefined;
  const point = parseGeoPoint(value);
  if (!point) throw new InvalidDeliveryLocationError();
  return point;
}

function deliveryAddress(value: unknown): DeliveryAddress | undefined {
  const validation = parseDeliveryAddress(value);
  if (!validation.ok) throw new BadRequestError(validation.message);
  return validation.address;
}

/** Exact Σ unit price × quantity; a total too large for a double blames the line that made it so. */
function orderTotal(lines: readonly PricedLine[]): number {
  return exactTotal(lines, (i) => {
    throw new InvalidProductQuantityError(lines[i].firstIndex);
  });
}
