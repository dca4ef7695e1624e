import type { OrderStatus, OwnerOrder } from '@shopwire/contracts';
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { EmptyState, ErrorNotice, StatusNotice } from '../shared/components';
import { formatTime } from '../shared/format';
import { OrderLines, STATUS_LABELS, StatusBadge } from '../shared/order-parts';
import { useOwnerOrders } from './use-owner-orders';

const FILTERS: { value: OrderStatus | ''; label: string }[] = [
  { value: '', label: 'All orders' },
  { value: 'CREATED', label: STATUS_LABELS.CREATED },
  { value: 'PENDING', label: STATUS_LABELS.PENDING },
  { value: 'COMPLETE', label: STATUS_LABELS.COMPLETE },
];

/** One order as the owner reads it. Memoised: a live refetch re-renders only the orders that changed. */
const OwnerOrderCard = memo(function OwnerOrderCard({ order }: { order: OwnerOrder }) {
  const title = `owner-order-${order.id}-title`;
  return (
    <li class="order" data-order-id={order.id} data-status={order.status} aria-labelledby={title}>
      <div class="order-head">
        <h2 id={title} tabIndex={-1}>
          Order #{order.id}
        </h2>
        <StatusBadge status={order.status} />
      </div>
      <dl class="order-facts">
        <div>
          <dt>Placed</dt>
          <dd>
            <time dateTime={order.placedAt}>{formatTime(order.placedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd data-field="customer">{order.customer}</dd>
        </div>
        <div>
          <dt>Courier</dt>
          <dd data-field="courier">{order.courier ?? <span class="muted">not picked up yet</span>}</dd>
        </div>
      </dl>
      <OrderLines order={order} />
    </li>
  );
});

/** The ids in `orders` that are newer than every id in `before`. */
function arrivals(before: readonly OwnerOrder[], orders: readonly OwnerOrder[]): number[] {
  const newest = Math.max(0, ...before.map((order) => order.id));
  return orders.filter((order) => order.id > newest).map((order) => order.id);
}

/**
 * Every customer's orders for the owner, newest first and live (`orders.changed`): filter by
 * status, page back with "Load older". New orders are announced politely; the list is never
 * cleared while it refreshes.
 */
export function OwnerOrders() {
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const { list, error, loadOlder } = useOwnerOrders(status);
  const [note, setNote] = useState('');
  const shown = list?.status === status ? list : null;
  const previous = useRef<{ status: string; orders: OwnerOrder[] } | null>(null);
  // Where focus goes after "Load older": the first order of the new page.
  const focusAfter = useRef<number | null>(null);

  useEffect(() => {
    if (!shown) return;
    const before = previous.current;
    previous.current = { status: shown.status, orders: shown.orders };
    if (focusAfter.current !== null && shown.orders.length > focusAfter.current) {
      const next = shown.orders[focusAfter.current];
      focusAfter.current = null;
      requestAnimationFrame(() => document.getElementById(`owner-order-${next!.id}-title`)?.focus());
    }
    if (!before || before.status !== shown.status) return;
    const fresh = arrivals(before.orders, shown.orders);
    if (fresh.length === 1) setNote(`New order #${fresh[0]} arrived.`);
    else if (fresh.length > 1) setNote(`${fresh.length} new orders arrived.`);
  }, [shown]);

  const older = () => {
    focusAfter.current = shown?.orders.length ?? null;
    void loadOlder();
  };
  const filterLabel = FILTERS.find((filter) => filter.value === status)!.label;

  return (
    <section class="card" aria-labelledby="owner-orders-title">
      <div class="section-head">
        <h1 id="owner-orders-title">Orders</h1>
        <div class="order-filter">
          <label for="order-status">Show</label>
          <select
            id="order-status"
            value={status}
            onChange={(event) => setStatus((event.currentTarget as HTMLSelectElement).value as OrderStatus | '')}
          >
            {FILTERS.map((filter) => (
              <option key={filter.value} value={filter.value}>
                {filter.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <StatusNotice>{note}</StatusNotice>
      <ErrorNotice error={error} />
      {!shown && !error && (
        <p class="muted" role="status">
          Loading the orders…
        </p>
      )}
      {shown && (
        <p class="muted" aria-live="polite" data-testid="orders-count">
          {shown.orders.length} {shown.orders.length === 1 ? 'order' : 'orders'}
          {shown.more ? ' (newest first; older ones below)' : ''}
          {status ? ` · ${filterLabel}` : ''}
        </p>
      )}
      {shown?.orders.length === 0 && (
        <EmptyState title={status ? 'No orders with this status.' : 'No orders yet.'}>
          Orders appear here the moment customers place them.
        </EmptyState>
      )}
      <ul class="orders owner-orders">
        {shown?.orders.map((order) => (
          <OwnerOrderCard key={order.id} order={order} />
        ))}
      </ul>
      {shown?.more && (
        <button type="button" class="wide" onClick={older}>
          Load older orders
        </button>
      )}
    </section>
  );
}
