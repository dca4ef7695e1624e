import type { RevenueStatisticsEntry } from '@shopwire/contracts';
import { exactTotal } from '@shopwire/ordering';
import { compareCodePoints, type ProductSalesRow, type RevenueDelta, type SalesDelta } from '@shopwire/statistics';

/**
 * `GET /revenue_statistics` (issue 20 item 7): the products of `/product_statistics` (an applied
 * row or a pending event), in its order, each with Σ unit price × units over COMPLETE (sold) and
 * CREATED + PENDING (waiting) orders at the price each order was placed with. `revenue` is the
 * applied units per price plus the pending ones; sums are exact decimals, answered as the nearest
 * JSON number (as order totals are).
 */
export function revenueStatistics(
  applied: ReadonlyMap<number, ProductSalesRow>,
  pending: SalesDelta,
  names: ReadonlyMap<number, string>,
  revenue: RevenueDelta,
): RevenueStatisticsEntry[] {
  const ids = new Set([...applied.keys(), ...pending.products.keys()]);
  return [...ids]
    .map((id) => {
      const prices = [...(revenue.get(id) ?? new Map())];
      const money = (units: 'sold' | 'waiting') =>
        exactTotal(prices.map(([unitPrice, sales]) => ({ unitPrice, quantity: sales[units] })));
      const name = applied.get(id)?.name ?? names.get(id) ?? '';
      return { id, name, soldRevenue: money('sold'), waitingRevenue: money('waiting') };
    })
    .sort((a, b) => compareCodePoints(a.name, b.name));
}
