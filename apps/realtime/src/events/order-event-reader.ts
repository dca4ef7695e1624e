import { Inject, Injectable } from '@nestjs/common';
import type { OrderEventRecord, OrderStatus } from '@shopwire/contracts';
import { runInTransaction } from '@shopwire/database';
import { STORE_EPOCH_SQL } from '@shopwire/store-data';
import { DataSource } from 'typeorm';

interface OrderEventRow {
  id: number | string;
  order_id: number;
  customer_email: string;
  status: OrderStatus;
  courier_email: string | null;
  occurred_at: Date;
}

const COLUMNS = 'id, order_id, customer_email, status, courier_email, occurred_at';

function toRecord(row: OrderEventRow): OrderEventRecord {
  return {
    id: Number(row.id),
    orderId: row.order_id,
    customerEmail: row.customer_email,
    status: row.status,
    courierEmail: row.courier_email,
    occurredAt: row.occurred_at.toISOString(),
  };
}

/** Read-only queries on `order_events`, the source of truth for live delivery and replay. */
@Injectable()
export class OrderEventReader {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async latestId(): Promise<number> {
    return (await this.position()).latestId;
  }

  /** The store epoch and the highest event id, in one statement (both are point reads). */
  async position(): Promise<{ epoch: string; latestId: number }> {
    const [row] = await this.dataSource.query(
      `SELECT ${STORE_EPOCH_SQL} AS epoch, COALESCE(MAX(id), 0) AS id FROM order_events`,
    );
    return { epoch: String(row.epoch), latestId: Number(row.id) };
  }

  /** The next visible rows after the tail cursor, ascending. */
  async after(cursor: number, limit: number): Promise<OrderEventRecord[]> {
    const rows: OrderEventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM order_events WHERE id > ? ORDER BY id LIMIT ?`,
      [cursor, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * True when some id of the range is still held by an open transaction (or has just become
   * visible), i.e. the gap is not a rollback. A locking read with NOWAIT fails at once on a row
   * another transaction inserted and has not committed; READ COMMITTED takes no gap locks, so
   * the probe never blocks writers. Any failure counts as "open": holding is the safe side.
   */
  async isHeld(from: number, to: number): Promise<boolean> {
    try {
      const rows = await runInTransaction(
        this.dataSource,
        (tx) => tx.query('SELECT id FROM order_events WHERE id BETWEEN ? AND ? FOR UPDATE NOWAIT', [from, to]),
        { isolation: 'READ COMMITTED', attempts: 1 },
      );
      return rows.length > 0;
    } catch {
      return true;
    }
  }

  /** A customer's events in (after, upTo], ascending; served by ix_order_events_customer. */
  async forCustomer(email: string, after: number, upTo: number, limit: number): Promise<OrderEventRecord[]> {
    const rows: OrderEventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM order_events
        WHERE customer_email = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?`,
      [email, after, upTo, limit],
    );
    return rows.map(toRecord);
  }

  /** The events couriers see (new and picked-up orders) in (after, upTo], ascending. */
  async forCouriers(after: number, upTo: number, limit: number): Promise<OrderEventRecord[]> {
    const rows: OrderEventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM order_events
        WHERE id > ? AND id <= ? AND status IN ('CREATED', 'PENDING') ORDER BY id LIMIT ?`,
      [after, upTo, limit],
    );
    return rows.map(toRecord);
  }
}
