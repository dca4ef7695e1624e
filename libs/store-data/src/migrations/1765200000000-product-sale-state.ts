import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The owner can change a product's price and take it off sale (issue 20 item 7, ADR 0021):
 * - `products.on_sale`: 1 unless taken off sale. Imports insert on sale (the default).
 * - `store_epoch.catalogue_revision`: bumped in the transaction of every change to an existing
 *   product. New products still show in MAX(id) (ADR 0006); a change to an existing one does not,
 *   so the processes holding the catalogue or known prices (search, order placement) compare
 *   this revision too. It lives in the epoch's row so the order write checks both in one read.
 */
export class ProductSaleState1765200000000 implements MigrationInterface {
  name = 'ProductSaleState1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE products ADD COLUMN on_sale TINYINT UNSIGNED NOT NULL DEFAULT 1');
    await db.query('ALTER TABLE store_epoch ADD COLUMN catalogue_revision BIGINT UNSIGNED NOT NULL DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE store_epoch DROP COLUMN catalogue_revision');
    await db.query('ALTER TABLE products DROP COLUMN on_sale');
  }
}
