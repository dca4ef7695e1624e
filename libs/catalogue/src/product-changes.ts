import { runInTransaction } from '@shopwire/database';
import type { DataSource } from 'typeorm';

/** What the owner changes on an existing product (`POST /update_product`); absent = unchanged. */
export interface ProductChange {
  id: number;
  price?: number;
  onSale?: boolean;
}

/**
 * THE write of an existing product (ADR 0021): the row and the catalogue revision change in one
 * transaction, so every reader that compares the revision (search's snapshot, placement's known
 * prices) sees the change from the moment it commits. Orders keep the unit price they were
 * placed with (`order_items.unit_price`), so nothing else is touched. Returns false, writing
 * nothing, when there is no such product.
 *
 * Locks: the revision row first, then the product row — the order in which an order's own
 * statement takes them. That statement's epoch/revision check is a locking read (MariaDB locks
 * rows read by a compound statement's conditions: a shared lock on the revision row until
 * COMMIT), and its item rows lock their products (the foreign key's shared lock). Taking the
 * product first and the revision second would close a cycle with any order in flight (a
 * deadlock whose victim, after the retries, was a 500 under load); in this order a change waits
 * for the orders already priced and then goes, and concurrent changes queue on the revision row.
 */
export function changeProduct(dataSource: DataSource, change: ProductChange): Promise<boolean> {
  return runInTransaction(dataSource, async (tx) => {
    const found: unknown[] = await tx.query('SELECT id FROM products WHERE id = ?', [change.id]);
    if (found.length === 0) return false;
    await tx.query('UPDATE store_epoch SET catalogue_revision = catalogue_revision + 1 WHERE id = 1');
    await tx.query('UPDATE products SET price = COALESCE(?, price), on_sale = COALESCE(?, on_sale) WHERE id = ?', [
      change.price ?? null,
      change.onSale === undefined ? null : Number(change.onSale),
      change.id,
    ]);
    return true;
  });
}
