import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where to deliver (issue 20, ADR 0020): the optional `deliveryAddress` of `POST /order`, one row
 * per order that has one, written in the order's own statement and never changed. A table of its
 * own rather than columns on `orders`: personal data kept apart from the hot order rows (the
 * board, `/status`, statistics never read it), no rewrite of a large `orders` table, and
 * `hasDeliveryAddress` is a key lookup. Lengths in characters match DELIVERY_ADDRESS_LIMITS.
 */
export class OrderDeliveryAddresses1765100000000 implements MigrationInterface {
  name = 'OrderDeliveryAddresses1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE order_delivery_addresses (
        order_id INT UNSIGNED NOT NULL,
        street VARCHAR(200) NOT NULL,
        details VARCHAR(200) NULL,
        phone VARCHAR(32) NULL,
        note VARCHAR(500) NULL,
        PRIMARY KEY (order_id),
        CONSTRAINT fk_delivery_address_order FOREIGN KEY (order_id) REFERENCES orders (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS order_delivery_addresses');
  }
}
