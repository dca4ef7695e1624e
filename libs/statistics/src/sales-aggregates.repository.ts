import { Inject, Injectable } from '@nestjs/common';
import { runInTransaction, type SqlExecutor } from '@shopwire/database';
import { OrderEventMarks, type UnappliedEventItem } from '@shopwire/ordering';
import { STORE_EPOCH_SQL } from '@shopwire/store-data';
import { DataSource } from 'typeorm';
import type { RevenueDelta } from './revenue-delta.js';
import type { ProductSales, SalesDelta } from './sales-delta.js';

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

/**
 * THE place with SQL on the sales aggregates (`product_sales`, `category_sales`,
 * `product_price_sales`, `statistics_state`; ADR 0004, ADR 0011, ADR 0021): the worker's writes (`SalesAggregates`) and the owner
 * API's reads (`StatisticsSnapshot`, `SnapshotQueries`).
 */
export const SalesAggregates = {
  /**
   * Adds a delta, in the applier's transaction. Rows are written in key order so that concurrent
   * batches lock them in the same order; the sums are bigint, sent as exact integer literals.
   */
  async add(tx: SqlExecutor, delta: SalesDelta): Promise<void> {
    const products = [...delta.products]
      .filter(([, sales]) => sales.sold !== 0n || sales.waiting !== 0n)
      .sort(([a], [b]) => a - b)
      .map(([productId, sales]) => [productId, sales.sold, sales.waiting]);
    if (products.length > 0) {
      await tx.query(
        `INSERT INTO product_sales (product_id, sold, waiting) VALUES ?
         ON DUPLICATE KEY UPDATE sold = sold + VALUES(sold), waiting = waiting + VALUES(waiting)`,
        [products],
      );
    }
    const categories = [...delta.categories].sort(([a], [b]) => a - b);
    if (categories.length > 0) {
      await tx.query(
        `INSERT INTO category_sales (category_id, delivered) VALUES ?
         ON DUPLICATE KEY UPDATE delivered = delivered + VALUES(delivered)`,
        [categories],
      );
    }
  },

  /** Units per product and unit price (revenue, ADR 0021), in the applier's transaction; key order as `add`. */
  async addRevenue(tx: SqlExecutor, delta: RevenueDelta): Promise<void> {
    const rows = [...delta]
      .sort(([a], [b]) => a - b)
      .flatMap(([productId, prices]) =>
        [...prices]
          .filter(([, units]) => units.sold !== 0n || units.waiting !== 0n)
          .sort(([a], [b]) => a - b)
          .map(([unitPrice, units]) => [productId, unitPrice, units.sold, units.waiting]),
      );
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO product_price_sales (product_id, unit_price, sold, waiting) VALUES ?
       ON DUPLICATE KEY UPDATE sold = sold + VALUES(sold), waiting = waiting + VALUES(waiting)`,
      [rows],
    );
  },

  /** In the same transaction as `add`: equal version, equal aggregates. */
  async bumpVersion(tx: SqlExecutor): Promise<void> {
    await tx.query('UPDATE statistics_state SET version = version + 1 WHERE id = 1');
  },
} as const;

/** Queries available inside one consistent, read-only snapshot of the store database. */
export class SnapshotQueries {
  constructor(private readonly db: SqlExecutor) {}

  /**
   * Bumped by every transaction that changes the aggregates: equal version, equal aggregates.
   * Qualified by the store epoch, since a reset store counts versions from 0 again.
   */
  async version(): Promise<string> {
    const [row] = await this.db.query<Array<{ epoch: string; version: number | string }>>(
      `SELECT ${STORE_EPOCH_SQL} AS epoch, version FROM statistics_state WHERE id = 1`,
    );
    return `${row?.epoch}:${row?.version ?? 0}`;
  }

  /** Categories are only ever inserted, so their count identifies the set within snapshots. */
  async categoryCount(): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM categories');
    return Number(row.n);
  }

  pendingItems(): Promise<UnappliedEventItem[]> {
    return OrderEventMarks.unappliedItems(this.db);
  }

  async productSales(): Promise<Map<number, ProductSalesRow>> {
    const rows: Array<{ id: number; name: string; sold: number | string; waiting: number | string }> =
      await this.db.query(
        'SELECT p.id, p.name, s.sold, s.waiting FROM product_sales s JOIN products p ON p.id = s.product_id',
      );
    return new Map(rows.map((r) => [r.id, { name: r.name, sold: BigInt(r.sold), waiting: BigInt(r.waiting) }]));
  }

  /** Applied units per product and unit price (`product_price_sales`). */
  async productPriceSales(): Promise<RevenueDelta> {
    const rows: Array<{ product_id: number; unit_price: number; sold: number | string; waiting: number | string }> =
      await this.db.query('SELECT product_id, unit_price, sold, waiting FROM product_price_sales');
    const applied: RevenueDelta = new Map();
    for (const row of rows) {
      const prices = applied.get(row.product_id) ?? new Map<number, ProductSales>();
      applied.set(row.product_id, prices);
      prices.set(Number(row.unit_price), { sold: BigInt(row.sold), waiting: BigInt(row.waiting) });
    }
    return applied;
  }

  async productNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: number; name: string }> = await this.db.query(
      'SELECT id, name FROM products WHERE id IN (?)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async categorySales(): Promise<CategorySalesRow[]> {
    const rows: Array<{ id: number; name: string; delivered: number | string }> = await this.db.query(
      `SELECT c.id, c.name, COALESCE(s.delivered, 0) AS delivered
         FROM categories c LEFT JOIN category_sales s ON s.category_id = c.id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, delivered: BigInt(r.delivered) }));
  }
}

/** Aggregate version, category count and whether any event awaits the worker, read at one instant. */
export interface StatisticsProbe {
  /** Store epoch and aggregate version, as `SnapshotQueries.version()` gives them. */
  version: string;
  categoryCount: number;
  hasPending: boolean;
}

/**
 * Runs reads in ONE consistent snapshot (REPEATABLE READ, read-only): aggregates and the events
 * not yet applied to them are seen at the same instant, so their sum counts every event
 * committed before the request exactly once — whether the worker applied it or not.
 */
@Injectable()
export class StatisticsSnapshot {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * One statement, hence one consistent read: when it finds no pending event, the aggregates of
   * `version` already hold every event committed before it, so a body cached for that version
   * (and category count) is exact. One round trip on the fast path.
   */
  async probe(): Promise<StatisticsProbe> {
    const [row] = await this.dataSource.query(
      `SELECT ${STORE_EPOCH_SQL} AS epoch, s.version,
              (SELECT COUNT(*) FROM categories) AS categoryCount,
              ${OrderEventMarks.UNAPPLIED_EXISTS_SQL} AS hasPending
         FROM statistics_state s WHERE s.id = 1`,
    );
    return {
      version: `${row.epoch}:${row.version}`,
      categoryCount: Number(row.categoryCount),
      hasPending: Number(row.hasPending) === 1,
    };
  }

  read<T>(work: (queries: SnapshotQueries) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, (tx) => work(new SnapshotQueries(tx)), {
      isolation: 'REPEATABLE READ',
      readOnly: true,
      attempts: 1,
    });
  }
}
