import { Injectable } from '@nestjs/common';
import type { DeliveryAddress, GeoPoint } from '@shopwire/contracts';
import { CompoundStatement } from '@shopwire/database';
import { PRICE_VERSION_COLUMNS } from '@shopwire/store-data';
import type { QueryRunner } from 'typeorm';
import type { OrderLine } from '../placement/order-request.js';

export interface PricedLine extends OrderLine {
  unitPrice: number;
}

/** Everything the order rows need, decided before the transaction opens. */
export interface OrderRows {
  customerEmail: string;
  lines: readonly PricedLine[];
  total: number;
  destination: GeoPoint | undefined;
  /** Written in the same statement, so an order never exists without the address it was placed with. */
  address: DeliveryAddress | undefined;
  /** The price version (store epoch and catalogue revision, ADR 0011, ADR 0021) the unit prices were read at. */
  priceEpoch: string;
}

const OTHER_EPOCH = 'shopwire: prices of another store epoch';

/**
 * The prices were read from a store that has since been reset or whose catalogue changed (a
 * price, a product taken off sale), or that no longer has one of the products (restored to an
 * earlier point): nothing was written.
 */
export class PricesOfOtherEpochError extends Error {
  override name = 'PricesOfOtherEpochError';
}

/**
 * THE place with SQL on `orders`, `order_items` and `order_delivery_addresses` writes (ADR 0011):
 * placement's insert and the two later transitions. Every method runs in the caller's
 * `OrderWriter` transaction (`tx`), which appends the events. Reads are the `queries/` classes.
 */
@Injectable()
export class OrdersRepository {
  /**
   * Adds the insert of orders, their items and delivery addresses (if any) to `statement` (ADR
   * 0014, and ADR 0026 for the orders of a group commit, written in one round trip with their
   * events); returns the variables that then hold the new order ids, in the order of `orders`.
   * It first checks that the store still has the price version(s) the prices came from (a
   * reset store reuses ids with other prices; an owner's change bumps the catalogue revision) and
   * every product on sale (a known price can outlive its product when a store is restored to an
   * earlier point), and signals (`PricesOfOtherEpochError` once mapped by `insert`) before
   * writing anything if not. The check is a consistent read: it and a re-read in the same
   * transaction see one snapshot, so an order is priced by one version of the catalogue, never a
   * mix. The statement is not atomic: a later failure (e.g. a foreign key) leaves earlier rows in
   * the transaction, which the caller's rollback removes.
   */
  addInsert(statement: CompoundStatement, orders: readonly OrderRows[]): string[] {
    const epochs = [...new Set(orders.map((order) => order.priceEpoch))];
    const products = [...new Set(orders.flatMap((order) => order.lines.map((line) => line.productId)))];
    statement.add(
      `IF ${epochs.map(() => `NOT EXISTS (SELECT 1 FROM store_epoch WHERE id = 1 AND ${PRICE_VERSION_COLUMNS} = ?)`).join(' OR ')}
        OR (SELECT COUNT(*) FROM products WHERE on_sale = 1 AND id IN (${products.map(() => '?').join(', ')})) <> ? THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${OTHER_EPOCH}';
      END IF;`,
      [...epochs, ...products, products.length],
    );
    return orders.map((order) => {
      const id = statement.variable();
      statement.add(
        `INSERT INTO orders (customer_email, status, total, created_at, delivery_lat, delivery_lng)
          VALUES (?, 'CREATED', ?, UTC_TIMESTAMP(), ?, ?);
        SET ${id} = LAST_INSERT_ID();
        INSERT INTO order_items (order_id, product_id, quantity, unit_price)
          VALUES ${order.lines.map(() => `(${id}, ?, ?, ?)`).join(', ')};`,
        [
          order.customerEmail,
          order.total,
          order.destination?.lat ?? null,
          order.destination?.lng ?? null,
          ...order.lines.flatMap((line) => [line.productId, line.quantity, line.unitPrice]),
        ],
      );
      if (order.address) {
        const { street, details, phone, note } = order.address;
        statement.add(
          `INSERT INTO order_delivery_addresses (order_id, street, details, phone, note) VALUES (${id}, ?, ?, ?, ?);`,
          [street, details, phone, note],
        );
      }
      return id;
    });
  }

  /** `addInsert` of one order as one statement in the caller's transaction `tx`; returns its id. */
  async insert(tx: QueryRunner, order: OrderRows): Promise<number> {
    const statement = new CompoundStatement();
    const [id] = this.addInsert(statement, [order]);
    statement.add(`SELECT ${id};`);
    try {
      const [rows] = await tx.query(statement.sql(), statement.values);
      return Number(rows[0][id]);
    } catch (error) {
      if (isOtherEpochSignal(error)) throw new PricesOfOtherEpochError(OTHER_EPOCH);
      throw error;
    }
  }

  /** CREATED → PENDING by a courier, who is recorded on the order (contract §5.2); false when no row changed. */
  pickUp(tx: QueryRunner, orderId: number, courierEmail: string): Promise<boolean> {
    return changedOne(
      tx,
      `UPDATE orders SET status = 'PENDING', courier_email = ? WHERE id = ? AND status = 'CREATED'`,
      [courierEmail, orderId],
    );
  }

  /** PENDING → COMPLETE by the customer who placed the order (contract §4.4); false when no row changed. */
  confirmDelivery(tx: QueryRunner, orderId: number, customerEmail: string): Promise<boolean> {
    // customer_email compares case-insensitively (column collation), as emails must.
    return changedOne(
      tx,
      `UPDATE orders SET status = 'COMPLETE' WHERE id = ? AND status = 'PENDING' AND customer_email = ?`,
      [orderId, customerEmail],
    );
  }
}

/** One conditional UPDATE: the WHERE clause holds the whole precondition, so concurrent attempts get one winner. */
async function changedOne(tx: QueryRunner, update: string, parameters: unknown[]): Promise<boolean> {
  const result = await tx.query(update, parameters, true);
  return result.affected === 1;
}

function isOtherEpochSignal(error: unknown): boolean {
  const driverError = (error as { driverError?: { sqlState?: string; sqlMessage?: string } }).driverError;
  return driverError?.sqlState === '45000' && driverError.sqlMessage === OTHER_EPOCH;
}
