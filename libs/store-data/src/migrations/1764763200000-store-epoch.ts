import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `store_epoch`: one row with a random id, written when the store schema is created. A reset
 * (drop + migrate) or a restore from a backup of another database therefore shows a new epoch,
 * and every process holding data derived from the store (catalogue snapshot, cached bodies, the
 * realtime tail cursor) compares it with the epoch its data came from (see store-epoch.ts).
 */
export class StoreEpoch1764763200000 implements MigrationInterface {
  name = 'StoreEpoch1764763200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE store_epoch (
        id TINYINT UNSIGNED NOT NULL,
        epoch CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        PRIMARY KEY (id)
      ) ENGINE=InnoDB`);
    await db.query('INSERT INTO store_epoch (id, epoch) VALUES (1, UUID())');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS store_epoch');
  }
}
