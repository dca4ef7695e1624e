import type {
  CategoryStatisticsResponse,
  ProductStatisticsResponse,
  RevenueStatisticsResponse,
} from '@shopwire/contracts';
import { useEffect } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { useBaseline, useLiveEvent } from '../shared/live';
import { createStore, useStore } from '../shared/store';
import { useFeed } from '../shared/use-feed';

export interface Statistics {
  products: ProductStatisticsResponse['statistics'];
  categories: CategoryStatisticsResponse['statistics'];
  /** Money per product (same products as `products`), exact as the service summed it. */
  revenue: RevenueStatisticsResponse['statistics'];
  /** When this answer was fetched (ms since the epoch). */
  fetchedAt: number;
}

/** Bumped by views that changed the statistics without an order event (a catalogue import). */
const staleness = createStore(0);
export const statisticsStale = (): void => staleness.update((count) => count + 1);

/**
 * The three statistics endpoints (units, categories, revenue), kept current: fetched on mount,
 * after every (re)connect of the live connection (no replay for owners: the refetch is the catch-up), on each
 * `statistics.changed` (≤ 1/s, see docs/realtime.md) and after an import. Calls never overlap;
 * a signal during a fetch causes exactly one more.
 */
export function useStatistics() {
  const api = useApi();
  const feed = useFeed(async (): Promise<Statistics> => {
    const [products, categories, revenue] = await Promise.all([
      api.owner.productStatistics(),
      api.owner.categoryStatistics(),
      api.owner.revenueStatistics(),
    ]);
    return {
      products: products.statistics,
      categories: categories.statistics,
      revenue: revenue.statistics,
      fetchedAt: Date.now(),
    };
  });
  const { refetch } = feed;
  useBaseline(refetch);
  useLiveEvent('statistics.changed', refetch);
  const stale = useStore(staleness);
  useEffect(() => void (stale > 0 && refetch()), [stale, refetch]);
  return { statistics: feed.data, error: feed.error, refetch };
}
