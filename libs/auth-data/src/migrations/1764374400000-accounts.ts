import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts. Email uniqueness is enforced by the database on the lower-cased email. */
export class Accounts1764374400000 implements MigrationInterface {
  name = 'Accounts1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE accounts (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        email VARCHAR(256) NOT NULL,
        email_normalised VARCHAR(256) NOT NULL,
        forename VARCHAR(256) NOT NULL,
        surname VARCHAR(256) NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        role ENUM('owner', 'customer', 'courier') NOT NULL,
        created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (id),
        UNIQUE KEY uq_accounts_email (email_normalised)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS accounts');
  }
}
