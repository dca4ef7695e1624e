import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@shopwire/database';
import type { RevenueDelta } from './revenue-delta.js';
import type { SalesDelta } from './sales-delta.js';

/**
 * THE place with SQL writing the sales aggregates (`product_sales`, `category_sales`,
 * `product_price_sales`, `statistics_state`; ADR 0004, ADR 0011, ADR 0021): the worker's writes,
 * each in the applier's transaction. The owner API reads them with the events not yet applied and
 * the catalogue's names in one snapshot (`StatisticsSnapshotQuery`).
 */
@Injectable()
export class SalesAggregatesRepository {
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
  }

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
  }

  /** In the same transaction as `add`: equal version, equal aggregates. */
  async bumpVersion(tx: SqlExecutor): Promise<void> {
    await tx.query('UPDATE statistics_state SET version = version + 1 WHERE id = 1');
  }
}
