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
          setOrders(body.orders);
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
