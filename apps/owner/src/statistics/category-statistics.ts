import { compareCodePoints, type CategorySalesRow, type SalesDelta } from '@shopwire/statistics';

/**
 * `GET /category_statistics` (contract §3.3): every category once, by delivered descending,
 * ties by name in code-point order. `pending` adds the not yet applied events.
 */
export function categoryStatistics(categories: readonly CategorySalesRow[], pending: SalesDelta): string[] {
  return categories
    .map((c) => ({ name: c.name, delivered: c.delivered + (pending.categories.get(c.id) ?? 0n) }))
    .sort((a, b) => compareBigints(b.delivered, a.delivered) || compareCodePoints(a.name, b.name))
    .map((c) => c.name);
}

function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
