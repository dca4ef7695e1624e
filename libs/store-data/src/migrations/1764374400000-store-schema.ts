import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The store schema. Names are compared exactly (contract §0.4), so every table uses the binary
 * collation; uniqueness of names of any length goes through a SHA-256 of the name. Customer
 * emails compare case-insensitively. Prices are DOUBLE (never FLOAT).
 */
export class StoreSchema1764374400000 implements MigrationInterface {
  name = 'StoreSchema1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE categories (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        name MEDIUMTEXT NOT NULL,
        name_hash BINARY(32) AS (UNHEX(SHA2(name, 256))) STORED,
        PRIMARY KEY (id),
        UNIQUE KEY uq_categories_name (name_hash)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE products (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        name MEDIUMTEXT NOT NULL,
        name_hash BINARY(32) AS (UNHEX(SHA2(name, 256))) STORED,
        price DOUBLE NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_products_name (name_hash)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE product_categories (
        product_id INT UNSIGNED NOT NULL,
        category_id INT UNSIGNED NOT NULL,
        PRIMARY KEY (product_id, category_id),
        KEY ix_product_categories_category (category_id, product_id),
        CONSTRAINT fk_pc_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT fk_pc_category FOREIGN KEY (category_id) REFERENCES categories (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE orders (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        customer_email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
        status ENUM('CREATED', 'PENDING', 'COMPLETE') NOT NULL,
        total DOUBLE NOT NULL,
        created_at DATETIME NOT NULL,
        courier_email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NULL,
        PRIMARY KEY (id),
        KEY ix_orders_customer (customer_email, id),
        KEY ix_orders_status (status, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE order_items (
        order_id INT UNSIGNED NOT NULL,
        product_id INT UNSIGNED NOT NULL,
        quantity BIGINT UNSIGNED NOT NULL,
        unit_price DOUBLE NOT NULL,
        PRIMARY KEY (order_id, product_id),
        KEY ix_order_items_product (product_id),
        CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id),
        CONSTRAINT fk_items_product FOREIGN KEY (product_id) REFERENCES products (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    // One row per committed state change, written in the same transaction as the change.
    // Its id orders events for replay; realtime and statistics consume these rows.
    await db.query(`
      CREATE TABLE order_events (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        order_id INT UNSIGNED NOT NULL,
        customer_email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
        status ENUM('CREATED', 'PENDING', 'COMPLETE') NOT NULL,
        courier_email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NULL,
        occurred_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_order_events_order (order_id, id),
        KEY ix_order_events_customer (customer_email, id),
        CONSTRAINT fk_events_order FOREIGN KEY (order_id) REFERENCES orders (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['order_events', 'order_items', 'orders', 'product_categories', 'products', 'categories']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
