import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events the auth service rate-limits on (failed logins, registrations), one row each, so that
 * limits are sliding windows shared by every replica. Rows older than the longest window are
 * purged; the (kind, client_ip, occurred_at) key serves every count the service makes.
 */
export class AuthRateEvents1764374400001 implements MigrationInterface {
  name = 'AuthRateEvents1764374400001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE auth_rate_events (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        kind ENUM('login_failure', 'registration') NOT NULL,
        client_ip VARCHAR(64) NOT NULL,
        email_normalised VARCHAR(256) NULL,
        occurred_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_auth_rate_events_client (kind, client_ip, occurred_at),
        KEY ix_auth_rate_events_age (occurred_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS auth_rate_events');
  }
}
