import type { OrderDetails } from '@shopwire/contracts';
import { useBaseline } from './live';
import { useFeed } from './use-feed';

/**
 * A list of orders fetched over HTTP at every baseline (mount, replay done, resync) and patched by
 * live events in between (`setOrders`). Refetches are coalesced (`useFeed`).
 */
export function useOrders(fetchOrders: () => Promise<{ orders: OrderDetails[] }>) {
  const feed = useFeed(
    async () => (await fetchOrders()).orders,
    (current, fetched) => keepUnchanged(current, fetched),
  );
  useBaseline(feed.refetch);
  return { orders: feed.data, setOrders: feed.setData, error: feed.error, refetch: feed.refetch };
}

/**
 * The fetched list, reusing the current object of every order that did not change, so memoised
 * rows of a long list (the board, the owner's orders) do not render again on every refetch.
 */
export function keepUnchanged<T extends { id: number }>(current: readonly T[] | null, fetched: T[]): T[] {
  if (!current) return fetched;
  const byId = new Map(current.map((order) => [order.id, order]));
  return fetched.map((order) => {
    const known = byId.get(order.id);
    return known && JSON.stringify(known) === JSON.stringify(order) ? known : order;
  });
}
