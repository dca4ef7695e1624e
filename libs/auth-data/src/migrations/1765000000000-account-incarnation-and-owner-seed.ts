import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ADR 0017:
 * - `incarnation`: which registration of an email this account is (time-prefixed, sorts by
 *   registration), carried in the token's `jti` so the store side can tell a re-registered email
 *   from its predecessor. Existing accounts get one from their creation time and id.
 * - `owner_seed_hash`: for an owner seeded from OWNER_PASSWORD / OWNER_PASSWORD_HASH, the hash last
 *   applied from the environment. A restart re-applies the environment only when it changed, so a
 *   password changed through /change_password survives restarts.
 */
export class AccountIncarnationAndOwnerSeed1765000000000 implements MigrationInterface {
  name = 'AccountIncarnationAndOwnerSeed1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE accounts
        ADD COLUMN incarnation CHAR(28) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
        ADD COLUMN owner_seed_hash VARCHAR(255) NULL`);
    await db.query(`
      UPDATE accounts SET incarnation = CONCAT(
        LPAD(LOWER(HEX(FLOOR(UNIX_TIMESTAMP(created_at) * 1000))), 12, '0'),
        LPAD(LOWER(HEX(id)), 16, '0'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE accounts DROP COLUMN owner_seed_hash, DROP COLUMN incarnation');
  }
}
