import type { DataSource } from 'typeorm';
import { isStorableId } from '../id-range.js';

/**
 * Current prices of the given products in one query; ids that cannot exist are not sent.
 * Prices never change after creation (contract §6), so this read needs no lock and runs before
 * the order transaction opens, keeping that transaction short.
 */
export async function productPrices(
  dataSource: DataSource,
  productIds: readonly number[],
): Promise<Map<number, number>> {
  const ids = productIds.filter(isStorableId);
  if (ids.length === 0) return new Map();
  const rows: Array<{ id: number; price: number }> = await dataSource.query(
    'SELECT id, price FROM products WHERE id IN (?)',
    [ids],
  );
  return new Map(rows.map((row) => [Number(row.id), Number(row.price)]));
}
