import type { SqlExecutor } from '@shopwire/database';
import { isStorableId } from '../id-range.js';
import type { EpochPrices } from './known-prices.js';

/**
 * Current prices of the given products in one query, with the store epoch they belong to (the
 * order write checks it, ADR 0014); ids that cannot exist are not sent. Prices never change after
 * creation (contract §6), so this read needs no lock and runs before the order transaction opens.
 */
export async function productPrices(db: SqlExecutor, productIds: readonly number[]): Promise<EpochPrices> {
  const ids = productIds.filter(isStorableId);
  // One row even when no product matches, so the epoch always comes back.
  const rows: Array<{ epoch: string | null; id: number | null; price: number | null }> = await db.query(
    `SELECT e.epoch, p.id, p.price FROM store_epoch e LEFT JOIN products p ON p.id IN (?) WHERE e.id = 1`,
    [ids.length > 0 ? ids : [0]],
  );
  if (!rows[0]?.epoch) throw new Error('store_epoch is empty: the store database is not migrated');
  const prices = new Map<number, number>();
  for (const row of rows) if (row.id !== null) prices.set(Number(row.id), Number(row.price));
  return { epoch: String(rows[0].epoch), prices };
}
