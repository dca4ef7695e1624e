import type { OrderDetails, OrderStatusPayload } from '@shopwire/contracts';
import { useState } from 'preact/hooks';
import { DeliveryDestination } from '../delivery/DeliveryDestination';
import { useApi } from '../shared/app-context';
import { applyStatus } from '../shared/apply-status';
import { DeliveryMap } from '../shared/DeliveryMap';
import { EmptyState, ErrorNotice, StatusNotice } from '../shared/components';
import { formatTime, isToday } from '../shared/format';
import { useLiveEvent } from '../shared/live';
import { OrderLines } from '../shared/order-parts';
import { useOrders } from '../shared/use-orders';
import { LocationSharing } from './LocationSharing';

function Delivery({ order }: { order: OrderDetails }) {
  const onTheWay = order.status === 'PENDING';
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
      {onTheWay && <DeliveryDestination order={order} navigate />}
      {onTheWay && order.deliveryLocation && (
        <DeliveryMap label={`Map of order #${order.id}: the delivery location`} destination={order.deliveryLocation} />
      )}
      {onTheWay && !order.deliveryAddress && !order.deliveryLocation && (
        <p class="muted">The customer gave no address or point: ask them where to deliver.</p>
      )}
      <OrderLines order={order} />
      {onTheWay && <p class="waiting">Waiting for the customer to confirm delivery.</p>}
    </li>
  );
}

/**
 * The courier's own orders: on the way (waiting for confirmation) and delivered today, live —
 * the realtime app sends this courier the status of every order it picked up (no polling).
 */
export function MyDeliveries() {
  const api = useApi();
  const { orders, setOrders, error, refetch } = useOrders(api.courier.myDeliveries);
  const [note, setNote] = useState<string | null>(null);

  useLiveEvent('order.status', (event: OrderStatusPayload) => {
    const known = orders?.some((order) => order.id === event.orderId);
    // A pick-up from another window or device: its lines and address come with the refetch.
    if (!known) return refetch();
    setOrders(
      (current) => current && current.map((order) => (order.id === event.orderId ? applyStatus(order, event) : order)),
    );
    if (event.status === 'COMPLETE') setNote(`Order #${event.orderId} was confirmed as delivered.`);
  });

  const onTheWay = orders?.filter((order) => order.status === 'PENDING') ?? [];
  const delivered = orders?.filter((order) => order.deliveredAt && isToday(order.deliveredAt)) ?? [];
  return (
    <section class="card" aria-labelledby="deliveries-title">
      <h1 id="deliveries-title">My deliveries</h1>
      <StatusNotice tone="success">{note}</StatusNotice>
      <ErrorNotice error={error} />
      {orders === null && !error && <p class="muted">Loading your deliveries…</p>}
      {orders !== null && (
        <>
          <h2>On the way</h2>
          <LocationSharing onTheWay={onTheWay.length} />
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
