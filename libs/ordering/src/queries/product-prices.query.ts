import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@shopwire/database';
import { PRICE_VERSION_COLUMNS } from '@shopwire/store-data';
import { isStorableId } from '../id-range.js';
import type { EpochPrices } from '../placement/known-prices.js';

/**
 * Current prices of the given products ON SALE in one query, with the price version they belong
 * to (store epoch and catalogue revision: the order write checks it, ADR 0014, ADR 0021); ids that
 * cannot exist are not sent. A product taken off sale is missing here exactly like an unknown id
 * (contract §4.2 check 3). This read needs no lock and runs before the order transaction opens:
 * a price changed since is caught by the revision check of the write. On `db`: the pool before the
 * order transaction, the transaction itself when it re-prices after a catalogue change.
 */
@Injectable()
export class ProductPricesQuery {
  async prices(db: SqlExecutor, productIds: readonly number[]): Promise<EpochPrices> {
    const ids = productIds.filter(isStorableId);
    // One row even when no product matches, so the epoch always comes back.
    const rows: Array<{ epoch: string | null; id: number | null; price: number | null }> = await db.query(
      `SELECT ${PRICE_VERSION_COLUMNS} AS epoch, p.id, p.price
         FROM store_epoch e LEFT JOIN products p ON p.id IN (?) AND p.on_sale = 1 WHERE e.id = 1`,
      [ids.length > 0 ? ids : [0]],
    );
    if (!rows[0]?.epoch) throw new Error('store_epoch is empty: the store database is not migrated');
    const prices = new Map<number, number>();
    for (const row of rows) if (row.id !== null) prices.set(Number(row.id), Number(row.price));
    return { epoch: String(rows[0].epoch), prices };
  }
}
