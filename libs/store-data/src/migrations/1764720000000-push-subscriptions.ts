import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push (docs/push.md, ADR 0010):
 * - `push_subscriptions`: one row per browser/device subscription (endpoint unique), owned by one
 *   account and role; `notify` is the device's preference; `new_orders_seen` is a courier
 *   device's cursor into `push_new_orders` (the highest `seq` it was pushed).
 * - `push_new_orders`: the new-order broadcast stream, one row per CREATED event, appended by the
 *   worker's dispatcher under the `push_state` row lock, so `seq` becomes visible in order and a
 *   cursor over it can never skip a row (order_events ids can commit out of order; seq cannot).
 * - `order_events.push_dispatched`: the per-event mark of the dispatcher, like `stats_applied`.
 *   Added with DEFAULT 1 so that history before this migration is never pushed, then the default
 *   becomes 0 for every new event.
 */
export class PushSubscriptions1764720000000 implements MigrationInterface {
  name = 'PushSubscriptions1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE push_subscriptions (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        account_email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
        role ENUM('customer', 'courier') NOT NULL,
        endpoint VARCHAR(2048) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        endpoint_hash BINARY(32) AS (UNHEX(SHA2(endpoint, 256))) STORED,
        p256dh VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        auth VARCHAR(50) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        notify TINYINT UNSIGNED NOT NULL DEFAULT 1,
        new_orders_seen BIGINT UNSIGNED NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_push_subscriptions_endpoint (endpoint_hash),
        KEY ix_push_subscriptions_account (account_email, role),
        KEY ix_push_subscriptions_couriers (role, notify, new_orders_seen)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      CREATE TABLE push_new_orders (
        seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        event_id BIGINT UNSIGNED NOT NULL,
        order_id INT UNSIGNED NOT NULL,
        items BIGINT UNSIGNED NOT NULL,
        total DOUBLE NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        PRIMARY KEY (seq),
        UNIQUE KEY uq_push_new_orders_event (event_id)
      ) ENGINE=InnoDB`);
    await db.query('CREATE TABLE push_state (id TINYINT UNSIGNED NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB');
    await db.query('INSERT INTO push_state (id) VALUES (1)');
    await db.query(`
      ALTER TABLE order_events
        ADD COLUMN push_dispatched TINYINT UNSIGNED NOT NULL DEFAULT 1,
        ADD KEY ix_order_events_push (push_dispatched, id)`);
    await db.query('ALTER TABLE order_events ALTER COLUMN push_dispatched SET DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['push_state', 'push_new_orders', 'push_subscriptions']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query('ALTER TABLE order_events DROP KEY ix_order_events_push, DROP COLUMN push_dispatched');
  }
}
