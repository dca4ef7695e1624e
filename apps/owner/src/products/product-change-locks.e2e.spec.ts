import { CatalogueRepository } from '@shopwire/catalogue';
import { openStoreDatabase } from '@shopwire/store-data';
import { INNODB_LOCK_VIEWS_POLL_MS, createTestDatabase, seedProducts, waitFor } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A price change racing an order in flight (ADR 0021). The order's statement holds a shared lock
 * on the revision row (its epoch/revision check is a locking read in a compound statement) and
 * then takes a shared lock on each ordered product (the items' foreign key). A change that locked
 * the product before the revision row closed a cycle with it: a deadlock, whose victim here is the
 * order. Taking the revision row first, the change waits for the order and then goes.
 */
describe('a product change against an order in flight', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let tea: number;

  beforeAll(async () => {
    db = await createTestDatabase('product_change_locks');
    dataSource = await openStoreDatabase(db.url, 4);
    [tea] = await seedProducts(dataSource, [{ name: 'Tea', price: 1.1 }]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('waits for the order, never deadlocks with it, and then applies', async () => {
    const database = new URL(db.url).pathname.slice(1);
    const order = dataSource.createQueryRunner();
    await order.connect();
    try {
      await order.startTransaction();
      // What the order statement's check takes first: the revision row, shared.
      await order.query('SELECT catalogue_revision FROM store_epoch WHERE id = 1 LOCK IN SHARE MODE');
      const change = new CatalogueRepository(dataSource).change({ id: tea, price: 2.2 });
      // The change is now waiting on the revision row (in either lock order, its revision bump waits).
      await waitFor(
        'the change to wait on the revision row',
        async () => {
          const waiting: unknown[] = await dataSource.query(
            `SELECT t.trx_id FROM information_schema.INNODB_TRX t
             JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
            WHERE t.trx_state = 'LOCK WAIT' AND p.DB = ? AND t.trx_query LIKE '%catalogue_revision%'`,
            [database],
          );
          return waiting.length > 0;
        },
        10_000,
        INNODB_LOCK_VIEWS_POLL_MS,
      );
      // Then the order's items take their product, shared: with the product locked by the change
      // first, this is the deadlock's other half.
      await order.query('SELECT id FROM products WHERE id = ? LOCK IN SHARE MODE', [tea]);
      await order.commitTransaction();
      expect(await change).toBe(true);
    } finally {
      if (order.isTransactionActive) await order.rollbackTransaction();
      await order.release();
    }
    const [row] = await dataSource.query('SELECT price FROM products WHERE id = ?', [tea]);
    expect(row.price).toBe(2.2);
  });
});
