import { Inject, Injectable } from '@nestjs/common';
import { runInTransaction, type SqlExecutor } from '@shopwire/database';
import { OrderEventsRepository, type UnappliedEventItem } from '@shopwire/ordering';
import { STORE_EPOCH_SQL } from '@shopwire/store-data';
import { DataSource } from 'typeorm';
import type { RevenueDelta } from '../revenue-delta.js';
import type { ProductSales } from '../sales-delta.js';

/** A product's applied totals (from `product_sales`) with its name. */
export interface ProductSalesRow extends ProductSales {
  name: string;
}

/** A category with its applied `delivered` total (0 when it has no `category_sales` row). */
export interface CategorySalesRow {
  id: number;
  name: string;
  delivered: bigint;
}

/** Aggregate version, category count and whether any event awaits the worker, read at one instant. */
export interface StatisticsProbe {
  /** Store epoch and aggregate version, as `version` gives them. */
  version: string;
  categoryCount: number;
  hasPending: boolean;
}

/**
 * The owner's statistics read model (ADR 0004, ADR 0021): the sales aggregates, the events not yet
 * applied to them and the catalogue's names. `read` runs reads in ONE consistent snapshot
 * (REPEATABLE READ, read-only) whose `tx` the other methods take: aggregates and pending events
 * are seen at the same instant, so their sum counts every event committed before the request
 * exactly once — whether the worker applied it or not.
 */
@Injectable()
export class StatisticsSnapshotQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
  ) {}

  /**
   * One statement, hence one consistent read: when it finds no pending event, the aggregates of
   * `version` already hold every event committed before it, so a body cached for that version
   * (and category count) is exact. One round trip on the fast path.
   */
  async probe(): Promise<StatisticsProbe> {
    const [row] = await this.dataSource.query(
      `SELECT ${STORE_EPOCH_SQL} AS epoch, s.version,
              (SELECT COUNT(*) FROM categories) AS categoryCount,
              ${OrderEventsRepository.UNAPPLIED_EXISTS_SQL} AS hasPending
         FROM statistics_state s WHERE s.id = 1`,
    );
    return {
      version: `${row.epoch}:${row.version}`,
      categoryCount: Number(row.categoryCount),
      hasPending: Number(row.hasPending) === 1,
    };
  }

  read<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, work, {
      isolation: 'REPEATABLE READ',
      readOnly: true,
      attempts: 1,
    });
  }

  /**
   * Bumped by every transaction that changes the aggregates: equal version, equal aggregates.
   * Qualified by the store epoch, since a reset store counts versions from 0 again.
   */
  async version(tx: SqlExecutor): Promise<string> {
    const [row] = await tx.query<Array<{ epoch: string; version: number | string }>>(
      `SELECT ${STORE_EPOCH_SQL} AS epoch, version FROM statistics_state WHERE id = 1`,
    );
    return `${row?.epoch}:${row?.version ?? 0}`;
  }

  /** Categories are only ever inserted, so their count identifies the set within snapshots. */
  async categoryCount(tx: SqlExecutor): Promise<number> {
    const [row] = await tx.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM categories');
    return Number(row.n);
  }

  pendingItems(tx: SqlExecutor): Promise<UnappliedEventItem[]> {
    return this.events.unappliedItems(tx);
  }

  async productSales(tx: SqlExecutor): Promise<Map<number, ProductSalesRow>> {
    const rows: Array<{ id: number; name: string; sold: number | string; waiting: number | string }> = await tx.query(
      'SELECT p.id, p.name, s.sold, s.waiting FROM product_sales s JOIN products p ON p.id = s.product_id',
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, sold: BigInt(r.sold), waiting: BigInt(r.waiting) }]));
  }

  /** Applied units per product and unit price (`product_price_sales`). */
  async productPriceSales(tx: SqlExecutor): Promise<RevenueDelta> {
    const rows: Array<{ product_id: number; unit_price: number; sold: number | string; waiting: number | string }> =
      await tx.query('SELECT product_id, unit_price, sold, waiting FROM product_price_sales');
    const applied: RevenueDelta = new Map();
    for (const row of rows) {
      const prices = applied.get(row.product_id) ?? new Map<number, ProductSales>();
      applied.set(row.product_id, prices);
      prices.set(Number(row.unit_price), { sold: BigInt(row.sold), waiting: BigInt(row.waiting) });
    }
    return applied;
  }

  async productNames(tx: SqlExecutor, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: number; name: string }> = await tx.query('SELECT id, name FROM products WHERE id IN (?)', [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async categorySales(tx: SqlExecutor): Promise<CategorySalesRow[]> {
    const rows: Array<{ id: number; name: string; delivered: number | string }> = await tx.query(
      `SELECT c.id, c.name, COALESCE(s.delivered, 0) AS delivered
         FROM categories c LEFT JOIN category_sales s ON s.category_id = c.id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, delivered: BigInt(r.delivered) }));
  }
}
