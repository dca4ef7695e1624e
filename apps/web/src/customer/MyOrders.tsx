import type { OrderDetails, OrderStatusPayload } from '@shopwire/contracts';
import { useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice, StatusNotice } from '../shared/components';
import { explainError, type ExplainedError } from '../shared/errors';
import { useLiveEvent } from '../shared/live';
import { OrderLines, StatusBadge } from '../shared/order-parts';
import { useOrders } from '../shared/use-orders';
import { OrderTimeline } from './OrderTimeline';

const TIME_OF = { CREATED: 'placedAt', PENDING: 'pickedUpAt', COMPLETE: 'deliveredAt' } as const;

function applyStatus(order: OrderDetails, event: OrderStatusPayload): OrderDetails {
  return { ...order, status: event.status, [TIME_OF[event.status]]: event.occurredAt };
}

/** The customer's orders, newest first, with a live timeline and "Confirm delivery". */
export function MyOrders() {
  const api = useApi();
  const { orders, setOrders, error, refetch } = useOrders(api.customer.myOrders);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [actionError, setActionError] = useState<{ id: number; error: ExplainedError } | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useLiveEvent('order.status', (event) => {
    if (!orders?.some((order) => order.id === event.orderId)) return refetch();
    setOrders(
      (current) => current && current.map((order) => (order.id === event.orderId ? applyStatus(order, event) : order)),
    );
    if (event.status === 'PENDING') setNote(`Order #${event.orderId} was picked up and is on its way.`);
  });

  async function confirm(id: number) {
    setConfirming(id);
    setActionError(null);
    try {
      await api.customer.confirmDelivery(id);
      setNote(`Thank you! Order #${id} is delivered.`);
      refetch();
    } catch (failure) {
      setActionError({ id, error: explainError(failure, 'confirm') });
      refetch();
    } finally {
      setConfirming(null);
    }
  }

  return (
    <section class="card" aria-labelledby="orders-title">
      <h1 id="orders-title">My orders</h1>
      {note && <StatusNotice tone="success">{note}</StatusNotice>}
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
              <h2 id={`order-${order.id}-title`}>Order #{order.id}</h2>
              <StatusBadge status={order.status} />
            </div>
            <OrderLines order={order} />
            <OrderTimeline order={order} />
            {actionError?.id === order.id && <ErrorNotice error={actionError.error} />}
            {order.status === 'PENDING' && (
              <button
                type="button"
                class="primary"
                disabled={confirming === order.id}
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
