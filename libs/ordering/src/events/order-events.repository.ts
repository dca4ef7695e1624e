import { Inject, Injectable } from '@nestjs/common';
import type { OrderEventRecord, OrderStatus } from '@shopwire/contracts';
import { type CompoundStatement, runInTransaction, type SqlExecutor } from '@shopwire/database';
import { STORE_EPOCH_SQL } from '@shopwire/store-data';
import { DataSource } from 'typeorm';

/**
 * THE place with SQL on `order_events` (ADR 0011 item 4): the append of the order aggregate's
 * write path, and every consumer's read — realtime tail and replay, `/status` versions,
 * statistics and push marks. Methods that belong to a caller's transaction take it as `tx`.
 * The row semantics consumers rely on are in libs/ordering/README.md.
 */
@Injectable()
export class OrderEventsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Appends the row of one order's state change, copying customer and courier from the order row
   * as it now stands. Only `OrderWriter` calls it, as the LAST statement before COMMIT: consumers
   * read events by id, and the window between allocating an id and committing it must stay tiny.
   * Returns the new event id (RETURNING: exact whatever the auto-increment lock mode, e.g.
   * interleaved under Galera). Ids must stay dense, or the realtime tail holds at each hole for
   * its grace period (ADR 0003): a one-row `INSERT … SELECT` reserves exactly one id.
   */
  async append(tx: SqlExecutor, orderId: number, status: OrderStatus): Promise<number> {
    const rows = await tx.query<Array<{ id: number | string }>>(
      `INSERT INTO order_events (order_id, customer_email, status, courier_email, occurred_at)
       SELECT id, customer_email, ?, courier_email, UTC_TIMESTAMP(3) FROM orders WHERE id = ?
       RETURNING id`,
      [status, orderId],
    );
    return rows.length ? Number(rows[0].id) : 0;
  }

  /**
   * Adds the CREATED rows of orders placed earlier in `statement` (a placement is one round trip,
   * ADR 0026): `ids` are the variables holding their ids, in ascending id order, `customers` their
   * customers; a new order has no courier, so nothing is read. As `append`: the last write before
   * COMMIT. With VALUES, whose row count is known, InnoDB reserves exactly that many ids (a
   * several-row `INSERT … SELECT` is a bulk insert: it reserves ids in blocks of 1, 2, 4, … and
   * loses the rest, holes the tail would wait at). The part returns the new event ids.
   */
  addNewOrderEvents(statement: CompoundStatement, ids: readonly string[], customers: readonly string[]): void {
    statement.add(
      `INSERT INTO order_events (order_id, customer_email, status, courier_email, occurred_at)
       VALUES ${ids.map((id) => `(${id}, ?, 'CREATED', NULL, UTC_TIMESTAMP(3))`).join(', ')}
       RETURNING id;`,
      customers,
    );
  }

  // --- Versions --------------------------------------------------------------------------

  /**
   * Per customer, (count, highest id) of its events and the store epoch, for several customers
   * in ONE statement (one branch per email, each served by ix_order_events_customer). Keys of
   * the map are the emails as given.
   */
  async customerVersions(emails: readonly string[]): Promise<Map<string, CustomerEventsVersion>> {
    const branch = `SELECT ? AS k, COUNT(*) AS events, COALESCE(MAX(id), 0) AS newest, ${STORE_EPOCH_SQL} AS epoch
                      FROM order_events WHERE customer_email = ?`;
    const rows: Array<{ k: number | string; events: number | string; newest: number | string; epoch: string }> =
      await this.dataSource.query(
        emails.map(() => branch).join(' UNION ALL '),
        emails.flatMap((email, i) => [i, email]),
      );
    return new Map(
      rows.map((row) => [
        emails[Number(row.k)],
        { events: Number(row.events), newest: Number(row.newest), epoch: String(row.epoch) },
      ]),
    );
  }

  /** The store epoch and the highest event id, in one statement (both are point reads). */
  async position(): Promise<{ epoch: string; latestId: number }> {
    const [row] = await this.dataSource.query(
      `SELECT ${STORE_EPOCH_SQL} AS epoch, COALESCE(MAX(id), 0) AS id FROM order_events`,
    );
    return { epoch: String(row.epoch), latestId: Number(row.id) };
  }

  async latestId(): Promise<number> {
    return (await this.position()).latestId;
  }

  // --- The event log, by id (realtime tail and replay) -----------------------------------

  /** The next visible rows after the tail cursor, ascending. */
  async after(cursor: number, limit: number): Promise<OrderEventRecord[]> {
    const rows: OrderEventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM order_events WHERE id > ? ORDER BY id LIMIT ?`,
      [cursor, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * `after()` and `position()` in ONE statement, one read view: the tail's step (one round trip
   * per wake-up instead of two, so a nudge waits for less). The position row is always there; the
   * event columns are NULL when no event follows the cursor.
   */
  async tailFrom(
    cursor: number,
    limit: number,
  ): Promise<{ epoch: string; latestId: number; events: OrderEventRecord[] }> {
    const rows = await this.dataSource.query<
      Array<Partial<OrderEventRow> & { epoch: string; latest: number | string }>
    >(
      `SELECT e.*, p.epoch, p.latest
         FROM (SELECT ${STORE_EPOCH_SQL} AS epoch, COALESCE(MAX(id), 0) AS latest FROM order_events) p
         LEFT JOIN (SELECT ${COLUMNS} FROM order_events WHERE id > ? ORDER BY id LIMIT ?) e ON TRUE
        ORDER BY e.id`,
      [cursor, limit],
    );
    return {
      epoch: String(rows[0].epoch),
      latestId: Number(rows[0].latest),
      events: rows.filter((row) => row.id != null).map((row) => toRecord(row as OrderEventRow)),
    };
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

  /**
   * The events one courier sees in (after, upTo], ascending: every new and picked-up order (the
   * board), and the status changes of the orders this courier picked up (its deliveries).
   */
  async forCourier(email: string, after: number, upTo: number, limit: number): Promise<OrderEventRecord[]> {
    const rows: OrderEventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM order_events
        WHERE id > ? AND id <= ? AND (status IN ('CREATED', 'PENDING') OR courier_email = ?) ORDER BY id LIMIT ?`,
      [after, upTo, email, limit],
    );
    return rows.map(toRecord);
  }

  /** When each of these orders reached each status (`DATE_FORMAT` text, microseconds). */
  lifeCycleOf(orderIds: readonly number[]): Promise<Array<{ order_id: number; status: OrderStatus; at: string }>> {
    return this.dataSource.query(
      `SELECT order_id, status, DATE_FORMAT(occurred_at, '%Y-%m-%dT%H:%i:%s.%fZ') AS at
         FROM order_events WHERE order_id IN (?)`,
      [orderIds],
    );
  }

  /** A status change with what its push shows: the order's current status, total and item count. */
  async statusChange(eventId: number): Promise<StatusChangeRow | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT e.id, e.order_id, e.status, o.status AS current, e.customer_email, e.occurred_at, o.total,
              (SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i WHERE i.order_id = e.order_id) AS items
         FROM order_events e JOIN orders o ON o.id = e.order_id WHERE e.id = ?`,
      [eventId],
    );
    return row;
  }

  // --- The per-event marks of the two consumers that must see each event exactly once: the
  // statistics applier (`stats_applied`, ADR 0004) and the push dispatcher (`push_dispatched`,
  // ADR 0010). Every method runs in the consumer's transaction.

  /**
   * For another statement on the statistics snapshot: 1 when an event awaits the statistics
   * worker. Index forced, see `unappliedItems`.
   */
  static readonly UNAPPLIED_EXISTS_SQL = `EXISTS (SELECT 1 FROM order_events FORCE INDEX (ix_order_events_stats) WHERE stats_applied = 0)`;

  /** Locks the oldest unapplied events; SKIP LOCKED: concurrent batches take disjoint events. */
  async lockUnapplied(tx: SqlExecutor, limit: number): Promise<number[]> {
    const rows: Array<{ id: number | string }> = await tx.query(
      `SELECT id FROM order_events FORCE INDEX (ix_order_events_stats)
        WHERE stats_applied = 0 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => Number(row.id));
  }

  async markApplied(tx: SqlExecutor, ids: readonly number[]): Promise<void> {
    await tx.query('UPDATE order_events SET stats_applied = 1 WHERE id IN (?)', [ids]);
  }

  /**
   * The items of events not yet applied to the aggregates (all of them, or only `eventIds`).
   * Categories are joined only for COMPLETE events, the only ones that change `delivered`.
   */
  async unappliedItems(db: SqlExecutor, eventIds?: readonly number[]): Promise<UnappliedEventItem[]> {
    if (eventIds?.length === 0) return [];
    const rows: UnappliedItemRow[] = await db.query(
      // Driven from the (stats_applied, id) index, forced: when a backlog was bulk-inserted the
      // index statistics can claim "most rows are unapplied" and tempt the optimizer into a scan.
      `SELECT STRAIGHT_JOIN e.id AS eventId, e.status AS status, i.product_id AS productId, i.quantity AS quantity,
              i.unit_price AS unitPrice, GROUP_CONCAT(pc.category_id) AS categoryIds
         FROM order_events e FORCE INDEX (ix_order_events_stats)
         JOIN order_items i ON i.order_id = e.order_id
         LEFT JOIN product_categories pc ON pc.product_id = i.product_id AND e.status = 'COMPLETE'
        WHERE e.stats_applied = 0 ${eventIds ? 'AND e.id IN (?)' : ''}
        GROUP BY e.id, i.product_id`,
      eventIds ? [eventIds] : [],
    );
    return rows.map((row) => ({
      eventId: Number(row.eventId),
      status: row.status,
      productId: row.productId,
      quantity: Number(row.quantity),
      unitPrice: Number(row.unitPrice),
      categoryIds: row.categoryIds ? row.categoryIds.split(',').map(Number) : [],
    }));
  }

  /** Locks the oldest undispatched events (`stale`: older than `maxAgeSeconds`). */
  lockUndispatched(tx: SqlExecutor, maxAgeSeconds: number, limit: number): Promise<UndispatchedEventRow[]> {
    return tx.query(
      `SELECT id, status, occurred_at < UTC_TIMESTAMP(3) - INTERVAL ? SECOND AS stale
         FROM order_events FORCE INDEX (ix_order_events_push)
        WHERE push_dispatched = 0 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
      [maxAgeSeconds, limit],
    );
  }

  /**
   * A plain (non-locking) read: true when a COMMITTED event is still undispatched. After a locking
   * pass found nothing, that means another transaction holds it (the statistics applier locks the
   * same rows), not that there is nothing to do. Uncommitted events are invisible here.
   */
  async anyUndispatched(db: SqlExecutor): Promise<boolean> {
    const [row] = await db.query<Array<{ waiting: number | string }>>(
      `SELECT EXISTS (SELECT 1 FROM order_events FORCE INDEX (ix_order_events_push) WHERE push_dispatched = 0) AS waiting`,
    );
    return Number(row.waiting) === 1;
  }

  async markDispatched(tx: SqlExecutor, ids: readonly number[]): Promise<void> {
    await tx.query('UPDATE order_events SET push_dispatched = 1 WHERE id IN (?)', [ids]);
  }

  /**
   * For an `INSERT … SELECT` into a consumer's table: (event id, order id, item count, total,
   * occurred at) of the events `IN (?)`, ascending id.
   */
  static readonly NEW_ORDER_SUMMARIES_SQL = `SELECT e.id, e.order_id, (SELECT COALESCE(SUM(i.quantity), 0) FROM order_items i WHERE i.order_id = e.order_id),
                o.total, e.occurred_at
           FROM order_events e JOIN orders o ON o.id = e.order_id
          WHERE e.id IN (?) ORDER BY e.id`;
}

export interface CustomerEventsVersion {
  events: number;
  newest: number;
  epoch: string;
}

export interface UnappliedEventItem {
  eventId: number;
  status: OrderStatus;
  productId: number;
  quantity: number;
  /** The unit price the order was placed with (revenue statistics). */
  unitPrice: number;
  categoryIds: readonly number[];
}

export interface UndispatchedEventRow {
  id: number | string;
  status: OrderStatus;
  stale: number | string;
}

export interface StatusChangeRow {
  id: number;
  order_id: number;
  status: OrderStatus;
  current: OrderStatus;
  customer_email: string;
  occurred_at: Date;
  total: number;
  items: number | string;
}

interface UnappliedItemRow {
  eventId: number | string;
  status: OrderStatus;
  productId: number;
  quantity: number | string;
  unitPrice: number;
  categoryIds: string | null;
}

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
