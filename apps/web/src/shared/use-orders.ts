import type { OrderDetails } from '@shopwire/contracts';
import { useCallback, useRef, useState } from 'preact/hooks';
import { explainError, type ExplainedError } from './errors';
import { useBaseline } from './live';

/**
 * A list of orders fetched over HTTP at every baseline (mount, replay done, resync) and patched by
 * live events in between. Refetches are coalesced: one in flight, at most one queued.
 */
export function useOrders(fetchOrders: () => Promise<{ orders: OrderDetails[] }>) {
  const [orders, setOrders] = useState<OrderDetails[] | null>(null);
  const [error, setError] = useState<ExplainedError | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const queued = useRef(false);

  const refetch = useCallback(() => {
    if (running.current) {
      queued.current = true;
      return;
    }
    running.current = fetchOrders()
      .then(
        (body) => {
          setOrders((current) => keepUnchanged(current, body.orders));
          setError(null);
        },
        (failure) => setError(explainError(failure, 'load')),
      )
      .finally(() => {
        running.current = null;
        if (queued.current) {
          queued.current = false;
          refetch();
        }
      });
  }, [fetchOrders]);

  useBaseline(refetch);
  return { orders, setOrders, error, refetch };
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
