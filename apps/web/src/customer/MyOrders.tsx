import { useRef, useState } from 'preact/hooks';
import { DeliveryDestination } from '../delivery/DeliveryDestination';
import { useApi } from '../shared/app-context';
import { applyStatus } from '../shared/apply-status';
import { EmptyState, ErrorNotice, StatusNotice } from '../shared/components';
import { useAction } from '../shared/use-action';
import { useLiveEvent } from '../shared/live';
import { OrderLines, StatusBadge } from '../shared/order-parts';
import { useOrders } from '../shared/use-orders';
import { LiveTracking } from './LiveTracking';
import { OrderTimeline } from './OrderTimeline';

/** The customer's orders, newest first, with a live timeline and "Confirm delivery". */
export function MyOrders() {
  const api = useApi();
  const { orders, setOrders, error, refetch } = useOrders(api.customer.myOrders);
  // The order the last "Confirm delivery" was for: its error shows there.
  const [target, setTarget] = useState<number | null>(null);
  const confirming = useAction('confirm', async (id: number) => {
    await api.customer.confirmDelivery(id);
    return true;
  });
  const [note, setNote] = useState<string | null>(null);
  // Focus follows "Confirm delivery" (its button goes away): to the thank-you, or to the order.
  const outcome = useRef<HTMLDivElement>(null);

  useLiveEvent('order.status', (event) => {
    if (!orders?.some((order) => order.id === event.orderId)) return refetch();
    setOrders(
      (current) => current && current.map((order) => (order.id === event.orderId ? applyStatus(order, event) : order)),
    );
    if (event.status === 'PENDING') setNote(`Order #${event.orderId} was picked up and is on its way.`);
  });

  async function confirm(id: number) {
    setTarget(id);
    const confirmed = await confirming.run(id);
    if (confirmed) setNote(`Thank you! Order #${id} is delivered.`);
    requestAnimationFrame(() => (confirmed ? outcome.current : document.getElementById(`order-${id}-title`))?.focus());
    refetch();
  }

  return (
    <section class="card" aria-labelledby="orders-title">
      <h1 id="orders-title">My orders</h1>
      <div ref={outcome} tabIndex={-1} class="outcome">
        {note && <StatusNotice tone="success">{note}</StatusNotice>}
      </div>
      <ErrorNotice error={error} />
      {orders === null && !error && <p class="muted">Loading your orders…</p>}
      {orders?.length === 0 && (
        <EmptyState title="You have not ordered anything yet.">
          <a href="#/shop">Browse the products</a> and place your first order.
        </EmptyState>
      )}
      <ul class="orders">
        {orders?.map((order) => (
          <li key={order.id} class="order" data-order-id={order.id} data-status={order.status}>
            <div class="order-head">
              <h2 id={`order-${order.id}-title`} tabIndex={-1}>
                Order #{order.id}
              </h2>
              <StatusBadge status={order.status} />
            </div>
            <OrderLines order={order} />
            <DeliveryDestination order={order} />
            <OrderTimeline order={order} />
            {order.status === 'PENDING' && <LiveTracking order={order} />}
            {target === order.id && <ErrorNotice error={confirming.error} />}
            {order.status === 'PENDING' && (
              <button
                type="button"
                class="primary"
                disabled={confirming.busy}
                aria-describedby={`order-${order.id}-title`}
                onClick={() => confirm(order.id)}
              >
                Confirm delivery
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
