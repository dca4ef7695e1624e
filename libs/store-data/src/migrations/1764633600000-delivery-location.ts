import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live delivery tracking (issue 12):
 * - `orders.delivery_lat/lng`: the optional destination of `POST /order`, written in the order's
 *   own INSERT (so `/status` bodies cached per order-event version stay exact) and never changed.
 *   Both NULL or both set.
 * - `ix_orders_courier`: a realtime replica loads a connecting courier's PENDING orders by it.
 * Courier positions are NOT stored here: they are ephemeral and live in Redis only.
 */
export class DeliveryLocation1764633600000 implements MigrationInterface {
  name = 'DeliveryLocation1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE orders
        ADD COLUMN delivery_lat DOUBLE NULL,
        ADD COLUMN delivery_lng DOUBLE NULL,
        ADD KEY ix_orders_courier (courier_email, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE orders DROP KEY ix_orders_courier, DROP COLUMN delivery_lng, DROP COLUMN delivery_lat');
  }
}
