import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales statistics aggregates (ADR 0004), maintained by the worker from `order_events`:
 * - `order_events.stats_applied`: a per-event mark set in the same transaction that adds the
 *   event to the aggregates. Not a single watermark: auto-increment ids can commit out of order,
 *   and a watermark would silently skip an event that commits late below it.
 * - `product_sales`, `category_sales`: running totals. Signed, because concurrent batches may
 *   apply a COMPLETE before its CREATED (the sum is exact once both are applied).
 * - `statistics_state.version`: bumped by every applying transaction, so readers can tell
 *   whether the aggregates changed since they last read them (response cache key).
 */
export class StatisticsAggregates1764547200000 implements MigrationInterface {
  name = 'StatisticsAggregates1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE order_events
        ADD COLUMN stats_applied TINYINT UNSIGNED NOT NULL DEFAULT 0,
        ADD KEY ix_order_events_stats (stats_applied, id)`);
    await db.query(`
      CREATE TABLE product_sales (
        product_id INT UNSIGNED NOT NULL,
        sold BIGINT NOT NULL DEFAULT 0,
        waiting BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (product_id),
        CONSTRAINT fk_product_sales_product FOREIGN KEY (product_id) REFERENCES products (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE category_sales (
        category_id INT UNSIGNED NOT NULL,
        delivered BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (category_id),
        CONSTRAINT fk_category_sales_category FOREIGN KEY (category_id) REFERENCES categories (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE statistics_state (
        id TINYINT UNSIGNED NOT NULL,
        version BIGINT UNSIGNED NOT NULL,
        PRIMARY KEY (id)
      ) ENGINE=InnoDB`);
    await db.query('INSERT INTO statistics_state (id, version) VALUES (1, 0)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['statistics_state', 'category_sales', 'product_sales']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query('ALTER TABLE order_events DROP KEY ix_order_events_stats, DROP COLUMN stats_applied');
  }
}
