import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account incarnations on the store side (ADR 0017):
 * - `account_incarnations`: per email, the newest incarnation (from a token's `jti`) any store
 *   app has been shown. A newer one means the email was deleted and registered again. The
 *   realtime app follows `first_seen_at` to close older incarnations' live connections.
 * - `push_subscriptions.account_incarnation`, `idempotency_keys.customer_incarnation`: which
 *   incarnation the row belongs to ('' = a token without one). Idempotency keys are scoped by it;
 *   the device cap's locking count per (email, role, incarnation) reads the index alone.
 */
export class AccountIncarnations1765000000001 implements MigrationInterface {
  name = 'AccountIncarnations1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE account_incarnations (
        email VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL,
        incarnation VARCHAR(28) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        first_seen_at DATETIME(3) NOT NULL,
        PRIMARY KEY (email),
        KEY ix_account_incarnations_seen (first_seen_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
    await db.query(`
      ALTER TABLE push_subscriptions
        ADD COLUMN account_incarnation VARCHAR(28) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT ''
          AFTER account_email,
        DROP KEY ix_push_subscriptions_account,
        ADD KEY ix_push_subscriptions_account (account_email, role, account_incarnation)`);
    await db.query(`
      ALTER TABLE idempotency_keys
        ADD COLUMN customer_incarnation VARCHAR(28) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT ''
          AFTER customer_email,
        DROP PRIMARY KEY,
        ADD PRIMARY KEY (customer_email, customer_incarnation, idem_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE idempotency_keys DROP PRIMARY KEY, DROP COLUMN customer_incarnation,
        ADD PRIMARY KEY (customer_email, idem_key)`);
    await db.query(`
      ALTER TABLE push_subscriptions DROP KEY ix_push_subscriptions_account, DROP COLUMN account_incarnation,
        ADD KEY ix_push_subscriptions_account (account_email, role)`);
    await db.query('DROP TABLE IF EXISTS account_incarnations');
  }
}
