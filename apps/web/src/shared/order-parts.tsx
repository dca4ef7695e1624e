import type { OrderDetails, OrderStatus } from '@shopwire/contracts';
import { formatMoney } from './format';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  CREATED: 'Waiting for a courier',
  PENDING: 'On the way',
  COMPLETE: 'Delivered',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span class={`badge status status-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The lines of an order ("2 × Apple  €2.50") and its total. */
export function OrderLines({ order }: { order: Pick<OrderDetails, 'items' | 'total'> }) {
  return (
    <>
      <ul class="lines">
        {order.items.map((item) => (
          <li key={item.name}>
            <span class="qty">{item.quantity} ×</span> <span class="line-name">{item.name}</span>
            <span class="line-price">{formatMoney(item.price * item.quantity)}</span>
          </li>
        ))}
      </ul>
      <p class="total">
        <span>Total</span> <strong>{formatMoney(order.total)}</strong>
      </p>
    </>
  );
}
