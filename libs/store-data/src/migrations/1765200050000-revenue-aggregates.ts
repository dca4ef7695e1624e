import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revenue next to units (issue 20 item 7, ADR 0021): `product_price_sales` holds the units of
 * each product per unit price it was ordered at, maintained by the statistics worker in the
 * same transaction and with the same delta rules as `product_sales` (ADR 0004). Revenue is the
 * exact decimal Σ price × units, computed when read: any imported price (0.125, 1e-7) stays
 * exact, which a cents column could not promise. Few rows: a product has one price until the
 * owner changes it.
 *
 * The backfill adds the events already applied to `product_sales`, so both tables describe the
 * same applied events. Stop old workers before migrating (docs/deploy.md): one applying events
 * while this runs would count them in `product_sales` only.
 */
export class RevenueAggregates1765200050000 implements MigrationInterface {
  name = 'RevenueAggregates1765200050000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE product_price_sales (
        product_id INT UNSIGNED NOT NULL,
        unit_price DOUBLE NOT NULL,
        sold BIGINT NOT NULL DEFAULT 0,
        waiting BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (product_id, unit_price),
        CONSTRAINT fk_product_price_sales_product FOREIGN KEY (product_id) REFERENCES products (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      INSERT INTO product_price_sales (product_id, unit_price, sold, waiting)
      SELECT i.product_id, i.unit_price,
             SUM(CASE e.status WHEN 'COMPLETE' THEN i.quantity ELSE 0 END),
             SUM(CASE e.status WHEN 'CREATED' THEN CAST(i.quantity AS SIGNED)
                               WHEN 'COMPLETE' THEN -CAST(i.quantity AS SIGNED) ELSE 0 END)
        FROM order_events e JOIN order_items i ON i.order_id = e.order_id
       WHERE e.stats_applied = 1
       GROUP BY i.product_id, i.unit_price`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS product_price_sales');
  }
}
