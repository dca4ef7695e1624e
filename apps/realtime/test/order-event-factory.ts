import type { OrderStatus } from '@shopwire/contracts';
import { createMysqlDataSource, openMigratedDataSource } from '@shopwire/database';
import { OrderEventsPublisher } from '@shopwire/ordering';
import { storeMigrations } from '@shopwire/store-data';
import type { DataSource } from 'typeorm';

/**
 * Writes orders and their order_events rows with SQL, as the ordering services do (event INSERT
 * last, then COMMIT, then publish on the order-events channel when a Redis is given). For tests that need exact control over ids and
 * transactions (gaps, rollbacks) rather than the HTTP services.
 */
export class OrderEventFactory {
  private constructor(
    readonly db: DataSource,
    private readonly orderEvents?: OrderEventsPublisher,
  ) {}

  static async open(databaseUrl: string, redisUrl?: string): Promise<OrderEventFactory> {
    const db = await openMigratedDataSource(
      databaseUrl,
      createMysqlDataSource({ url: databaseUrl, entities: [], migrations: storeMigrations, poolSize: 5 }),
    );
    return new OrderEventFactory(db, redisUrl ? new OrderEventsPublisher(redisUrl, 'order-event-factory') : undefined);
  }

  /** A new CREATED order with its event; returns both ids. */
  async createOrder(email: string): Promise<{ orderId: number; eventId: number }> {
    return this.db
      .transaction(async (tx) => {
        const order = await tx.query(
          `INSERT INTO orders (customer_email, status, total, created_at) VALUES (?, 'CREATED', 1, UTC_TIMESTAMP())`,
          [email],
        );
        const eventId = await this.appendEvent(tx.query.bind(tx), order.insertId, email, 'CREATED');
        return { orderId: order.insertId, eventId };
      })
      .then((ids) => (this.orderEvents?.publish(ids.eventId), ids));
  }

  /** Moves an order to `status` and appends its event; returns the event id. */
  async transition(orderId: number, email: string, status: OrderStatus): Promise<number> {
    const eventId = await this.db.transaction(async (tx) => {
      await tx.query('UPDATE orders SET status = ? WHERE id = ?', [status, orderId]);
      return this.appendEvent(tx.query.bind(tx), orderId, email, status);
    });
    this.orderEvents?.publish(eventId);
    return eventId;
  }

  /**
   * Starts a transition and leaves its transaction open: the event id is allocated but invisible
   * until `commit` (a slow transaction), or burnt forever by `rollback`.
   */
  async beginTransition(
    orderId: number,
    email: string,
    status: OrderStatus,
  ): Promise<{ eventId: number; commit(): Promise<void>; rollback(): Promise<void> }> {
    const runner = this.db.createQueryRunner();
    await runner.startTransaction();
    await runner.query('UPDATE orders SET status = ? WHERE id = ?', [status, orderId]);
    const eventId = await this.appendEvent(runner.query.bind(runner), orderId, email, status);
    const finish = async (commit: boolean) => {
      await (commit ? runner.commitTransaction() : runner.rollbackTransaction());
      await runner.release();
      if (commit) this.orderEvents?.publish(eventId);
    };
    return { eventId, commit: () => finish(true), rollback: () => finish(false) };
  }

  async close(): Promise<void> {
    await this.orderEvents?.close();
    await this.db.destroy();
  }

  private async appendEvent(
    query: (sql: string, params: unknown[]) => Promise<{ insertId: number | string }>,
    orderId: number,
    email: string,
    status: OrderStatus,
  ): Promise<number> {
    const result = await query(
      `INSERT INTO order_events (order_id, customer_email, status, courier_email, occurred_at)
       VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))`,
      [orderId, email, status, status === 'CREATED' ? null : 'courier@example.org'],
    );
    return Number(result.insertId);
  }
}
