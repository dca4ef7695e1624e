import { OWNER_ORDERS_LIMIT, type OrderStatus, type OwnerOrder } from '@shopwire/contracts';
import { useEffect, useRef } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { useBaseline, useLiveEvent } from '../shared/live';
import { useFeed } from '../shared/use-feed';
import { keepUnchanged } from '../shared/use-orders';

export interface OwnerOrderList {
  /** The filter these orders answer ('' = every status). */
  status: OrderStatus | '';
  orders: OwnerOrder[];
  /** The last page was full: older orders may exist (`before`). */
  more: boolean;
}

/**
 * Every customer's orders (`GET /orders`), newest first, live: refetched on `orders.changed` and
 * after reconnects. "Load older" adds a page; a refetch reloads every page shown, so an old order
 * that was delivered meanwhile is not left stale (an owner rarely pages far: each page is 200).
 */
export function useOwnerOrders(status: OrderStatus | '') {
  const api = useApi();
  const pages = useRef(1);
  const feed = useFeed<OwnerOrderList>(
    async () => {
      let orders: OwnerOrder[] = [];
      let more = false;
      for (let page = 0; page < pages.current; page++) {
        const before = orders.at(-1)?.id;
        const fetched = (await api.owner.orders({ status: status || undefined, before })).orders;
        orders = orders.concat(fetched);
        more = fetched.length === OWNER_ORDERS_LIMIT;
        if (!more) break;
      }
      return { status, orders, more };
    },
    (current, fetched) =>
      current?.status === fetched.status
        ? { ...fetched, orders: keepUnchanged(current.orders, fetched.orders) }
        : fetched,
  );
  const { refetch } = feed;
  useBaseline(refetch);
  useLiveEvent('orders.changed', refetch);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    pages.current = 1;
    void refetch();
  }, [status]);

  const loadOlder = () => {
    pages.current += 1;
    return refetch();
  };
  return { list: feed.data, error: feed.error, loadOlder };
}
