import type { OrderDetails } from '@shopwire/contracts';
import { useEffect } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice } from '../shared/components';
import { formatTime, isToday } from '../shared/format';
import { useLiveEvent } from '../shared/live';
import { OrderLines } from '../shared/order-parts';
import { useOrders } from '../shared/use-orders';

// Couriers get no event when a customer confirms: look again now and then while this is open.
const REFRESH_MS = 15_000;

function Delivery({ order }: { order: OrderDetails }) {
  return (
    <li class="order" data-order-id={order.id} data-status={order.status}>
      <div class="order-head">
        <h3>Order #{order.id}</h3>
        <span class="muted">
          {order.deliveredAt
            ? `Delivered ${formatTime(order.deliveredAt)}`
            : `Picked up ${formatTime(order.pickedUpAt!)}`}
        </span>
      </div>
      <p class="customer">
        <span class="muted">Customer</span> {order.email}
      </p>
      <OrderLines order={order} />
      {order.status === 'PENDING' && <p class="waiting">Waiting for the customer to confirm delivery.</p>}
    </li>
  );
}

/** The courier's own orders: on the way (waiting for confirmation) and delivered today. */
export function MyDeliveries() {
  const api = useApi();
  const { orders, error, refetch } = useOrders(api.courier.myDeliveries);
  useLiveEvent('order.taken', refetch);
  useEffect(() => {
    const timer = setInterval(refetch, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);

  const onTheWay = orders?.filter((order) => order.status === 'PENDING') ?? [];
  const delivered = orders?.filter((order) => order.deliveredAt && isToday(order.deliveredAt)) ?? [];
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <h1 id="deliveries-title">My deliveries</h1>
      <ErrorNotice error={error} />
      {orders === null && !error && <p class="muted">Loading your deliveries…</p>}
      {orders !== null && (
        <>
          <h2>On the way</h2>
          {onTheWay.length === 0 ? (
            <EmptyState title="Nothing on the way.">
              <a href="#/board">Pick up an order</a> from the board.
            </EmptyState>
          ) : (
            <ul class="orders">
              {onTheWay.map((order) => (
                <Delivery key={order.id} order={order} />
              ))}
            </ul>
          )}
          <h2>Delivered today</h2>
          {delivered.length === 0 ? (
            <EmptyState title="No deliveries confirmed today yet." />
          ) : (
            <ul class="orders">
              {delivered.map((order) => (
                <Delivery key={order.id} order={order} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
