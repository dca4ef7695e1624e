import { compareCodePoints, type SalesDelta } from '@shopwire/statistics';

/** A category with its applied `delivered` total (0 when it has no `category_sales` row). */
export interface CategorySalesRow {
  id: number;
  name: string;
  delivered: number;
}

/**
 * `GET /category_statistics` (contract §3.3): every category once, by delivered descending,
 * ties by name in code-point order. `pending` adds the not yet applied events.
 */
export function categoryStatistics(categories: readonly CategorySalesRow[], pending: SalesDelta): string[] {
  return categories
    .map((c) => ({ name: c.name, delivered: c.delivered + (pending.categories.get(c.id) ?? 0) }))
    .sort((a, b) => b.delivered - a.delivered || compareCodePoints(a.name, b.name))
    .map((c) => c.name);
}
