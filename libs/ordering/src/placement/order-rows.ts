import type { DeliveryAddress, GeoPoint } from '@shopwire/contracts';
import { PRICE_VERSION_COLUMNS } from '@shopwire/store-data';
import type { QueryRunner } from 'typeorm';
import type { OrderLine } from './order-request.js';

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
 * Inserts orders, their items and delivery addresses (if any) in one round trip (ADR 0014, and
 * ADR 0026 for several orders of a group commit): a MariaDB compound statement — one statement on
 * the wire, values bound by the driver as in any other query, so no multi-statement connection
 * flag. It first checks that the store still has the price version(s) the prices came from (a
 * reset store reuses ids with other prices; an owner's change bumps the catalogue revision) and
 * every product on sale (a known price can outlive its product when a store is restored to an
 * earlier point), and writes nothing if not. The check is a consistent read: it and a re-read on
 * the same transaction see one snapshot, so an order is priced by one version of the catalogue,
 * never a mix. The statement is not atomic: a later failure (e.g. a foreign key) leaves earlier
 * rows in the transaction, which the caller's rollback removes.
 * Returns the new order ids, in the order of `orders`.
 */
export async function insertOrderRows(tx: QueryRunner, orders: readonly OrderRows[]): Promise<number[]> {
  const epochs = [...new Set(orders.map((order) => order.priceEpoch))];
  const products = [...new Set(orders.flatMap((order) => order.lines.map((line) => line.productId)))];
  const parameters: unknown[] = [...epochs, ...products, products.length];
  const inserts = orders.map((order, n) => {
    parameters.push(order.customerEmail, order.total, order.destination?.lat ?? null, order.destination?.lng ?? null);
    parameters.push(...order.lines.flatMap((line) => [line.productId, line.quantity, line.unitPrice]));
    if (order.address) {
      const { street, details, phone, note } = order.address;
      parameters.push(street, details, phone, note);
    }
    return `INSERT INTO orders (customer_email, status, total, created_at, delivery_lat, delivery_lng)
      VALUES (?, 'CREATED', ?, UTC_TIMESTAMP(), ?, ?);
    SET o${n} = LAST_INSERT_ID();
    INSERT INTO order_items (order_id, product_id, quantity, unit_price)
      VALUES ${order.lines.map(() => `(o${n}, ?, ?, ?)`).join(', ')};
    ${order.address ? `INSERT INTO order_delivery_addresses (order_id, street, details, phone, note) VALUES (o${n}, ?, ?, ?, ?);` : ''}`;
  });
  const sql = `BEGIN NOT ATOMIC
    DECLARE ${orders.map((_, n) => `o${n}`).join(', ')} INT UNSIGNED;
    IF ${epochs.map(() => `NOT EXISTS (SELECT 1 FROM store_epoch WHERE id = 1 AND ${PRICE_VERSION_COLUMNS} = ?)`).join(' OR ')}
      OR (SELECT COUNT(*) FROM products WHERE on_sale = 1 AND id IN (${products.map(() => '?').join(', ')})) <> ? THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${OTHER_EPOCH}';
    END IF;
    ${inserts.join('\n    ')}
    SELECT ${orders.map((_, n) => `o${n}`).join(', ')};
  END`;
  try {
    const [rows] = await tx.query(sql, parameters);
    return orders.map((_, n) => Number(rows[0][`o${n}`]));
  } catch (error) {
    if (isOtherEpochSignal(error)) throw new PricesOfOtherEpochError(OTHER_EPOCH);
    throw error;
  }
}

function isOtherEpochSignal(error: unknown): boolean {
  const driverError = (error as { driverError?: { sqlState?: string; sqlMessage?: string } }).driverError;
  return driverError?.sqlState === '45000' && driverError.sqlMessage === OTHER_EPOCH;
}
