import type { OrderStatus } from '@shopwire/contracts';
import type { EventItem } from './sales-delta.js';

/** Anything that runs SQL with positional parameters: a TypeORM QueryRunner or EntityManager. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface PendingEventItem extends EventItem {
  eventId: number;
}

interface Row {
  eventId: number | string;
  status: OrderStatus;
  productId: number;
  quantity: number | string;
  categoryIds: string | null;
}

/**
 * The items of order events not yet applied to the aggregates (all of them, or only `eventIds`).
 * Categories are joined only for COMPLETE events, the only ones that change `delivered`.
 * Shared by the worker (to apply them) and the owner API (to add them to what is applied).
 */
export async function readPendingEventItems(
  db: SqlExecutor,
  eventIds?: readonly number[],
): Promise<PendingEventItem[]> {
  if (eventIds?.length === 0) return [];
  const rows: Row[] = await db.query(
    // Driven from the (stats_applied, id) index, forced: when a backlog was bulk-inserted the
    // index statistics can claim "most rows are unapplied" and tempt the optimizer into a scan.
    `SELECT STRAIGHT_JOIN e.id AS eventId, e.status AS status, i.product_id AS productId, i.quantity AS quantity,
            GROUP_CONCAT(pc.category_id) AS categoryIds
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
    categoryIds: row.categoryIds ? row.categoryIds.split(',').map(Number) : [],
  }));
}
