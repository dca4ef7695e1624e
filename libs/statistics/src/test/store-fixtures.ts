import { ORDER_EVENTS_CHANNEL } from '@shopwire/contracts';
import { parseMysqlUrl } from '@shopwire/database';
import type { Redis } from 'ioredis';
import mysql, { type Pool, type PoolConnection, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';

export interface ProductSpec {
  name: string;
  price: number;
  categories: string[];
}

export interface ItemSpec {
  productId: number;
  quantity: number;
}

/**
 * Writes the store the way the import and the order services do (one event per transition, in
 * the transition's transaction; the nudge published after commit), for tests and benchmarks of
 * the statistics without the other services.
 */
export class StoreFixtures {
  private constructor(
    readonly pool: Pool,
    private readonly publisher?: Redis,
  ) {}

  static open(databaseUrl: string, publisher?: Redis): StoreFixtures {
    const { host, port, user, password, database } = parseMysqlUrl(databaseUrl);
    const pool = mysql.createPool({ host, port, user, password, database, connectionLimit: 4, timezone: 'Z' });
    return new StoreFixtures(pool, publisher);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Like `/update`: products with their categories, categories created on first use. */
  async importProducts(products: ProductSpec[]): Promise<number[]> {
    return this.transaction(async (db) => {
      const ids: number[] = [];
      for (const product of products) {
        const [inserted] = await db.query<ResultSetHeader>('INSERT INTO products (name, price) VALUES (?, ?)', [
          product.name,
          product.price,
        ]);
        for (const category of new Set(product.categories)) {
          await db.query('INSERT IGNORE INTO categories (name) VALUES (?)', [category]);
          await db.query(
            `INSERT INTO product_categories (product_id, category_id)
             SELECT ?, id FROM categories WHERE name_hash = UNHEX(SHA2(?, 256))`,
            [inserted.insertId, category],
          );
        }
        ids.push(inserted.insertId);
      }
      return ids;
    });
  }

  /** Like `POST /order`: order CREATED + items + CREATED event in one transaction. */
  async placeOrder(customerEmail: string, items: ItemSpec[]): Promise<number> {
    const { orderId, eventId } = await this.transaction(async (db) => {
      const [order] = await db.query<ResultSetHeader>(
        `INSERT INTO orders (customer_email, status, total, created_at) VALUES (?, 'CREATED', 0, UTC_TIMESTAMP())`,
        [customerEmail],
      );
      for (const item of items) {
        await db.query(
          `INSERT INTO order_items (order_id, product_id, quantity, unit_price)
           SELECT ?, id, ?, price FROM products WHERE id = ?`,
          [order.insertId, item.quantity, item.productId],
        );
      }
      await db.query(
        'UPDATE orders SET total = (SELECT SUM(quantity * unit_price) FROM order_items WHERE order_id = ?) WHERE id = ?',
        [order.insertId, order.insertId],
      );
      return { orderId: order.insertId, eventId: await this.appendEvent(db, order.insertId, 'CREATED') };
    });
    await this.nudge(eventId);
    return orderId;
  }

  /** Like `POST /pick_up_order`: CREATED → PENDING if still CREATED; false otherwise. */
  pickUp(orderId: number, courierEmail: string): Promise<boolean> {
    return this.transition(
      orderId,
      'PENDING',
      `UPDATE orders SET status = 'PENDING', courier_email = ? WHERE id = ? AND status = 'CREATED'`,
      [courierEmail, orderId],
    );
  }

  /** Like `POST /delivered`: PENDING → COMPLETE for the owning customer; false otherwise. */
  deliver(orderId: number, customerEmail: string): Promise<boolean> {
    return this.transition(
      orderId,
      'COMPLETE',
      `UPDATE orders SET status = 'COMPLETE' WHERE id = ? AND status = 'PENDING' AND customer_email = ?`,
      [orderId, customerEmail],
    );
  }

  /** How many events are still waiting for the worker. */
  async unappliedEvents(): Promise<number> {
    const [rows] = await this.pool.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM order_events WHERE stats_applied = 0',
    );
    return Number(rows[0].n);
  }

  private async transition(orderId: number, status: string, update: string, params: unknown[]): Promise<boolean> {
    const eventId = await this.transaction(async (db) => {
      const [result] = await db.query<ResultSetHeader>(update, params);
      return result.affectedRows === 1 ? this.appendEvent(db, orderId, status) : null;
    });
    if (eventId === null) return false;
    await this.nudge(eventId);
    return true;
  }

  private async appendEvent(db: PoolConnection, orderId: number, status: string): Promise<number> {
    const [event] = await db.query<ResultSetHeader>(
      `INSERT INTO order_events (order_id, customer_email, status, courier_email, occurred_at)
       SELECT id, customer_email, ?, courier_email, UTC_TIMESTAMP(3) FROM orders WHERE id = ?`,
      [status, orderId],
    );
    return event.insertId;
  }

  private async nudge(eventId: number): Promise<void> {
    await this.publisher?.publish(ORDER_EVENTS_CHANNEL, String(eventId));
  }

  private async transaction<T>(work: (db: PoolConnection) => Promise<T>): Promise<T> {
    const db = await this.pool.getConnection();
    try {
      await db.beginTransaction();
      const result = await work(db);
      await db.commit();
      return result;
    } catch (error) {
      await db.rollback();
      throw error;
    } finally {
      db.release();
    }
  }
}
