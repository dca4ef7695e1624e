import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of `POST /order` (contract §8), scoped to the customer. A row is claimed
 * IN_FLIGHT before the request is processed and becomes DONE with the response to replay; the
 * DONE write of a successful order commits in the order's own transaction (no lost replies).
 * `owner_token` identifies the claim, so a request whose claim expired and was taken over cannot
 * overwrite the new owner's result. `repeats` counts requests that found the key already claimed
 * (bumping it also lets a claim tell "inserted" from "already there" without a failing INSERT).
 */
export class IdempotencyKeys1764460800000 implements MigrationInterface {
  name = 'IdempotencyKeys1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        customer_email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
        idem_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        request_hash BINARY(32) NOT NULL,
        state ENUM('IN_FLIGHT', 'DONE') NOT NULL,
        owner_token BINARY(16) NOT NULL,
        response_status SMALLINT UNSIGNED NULL,
        response_body MEDIUMTEXT NULL,
        created_at DATETIME(3) NOT NULL,
        repeats BIGINT UNSIGNED NOT NULL DEFAULT 0,
        PRIMARY KEY (customer_email, idem_key),
        KEY ix_idempotency_keys_created (created_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS idempotency_keys');
  }
}
