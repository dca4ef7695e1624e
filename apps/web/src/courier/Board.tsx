import type { OrderDetails } from '@shopwire/contracts';
import { memo } from 'preact/compat';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice, StatusNotice } from '../shared/components';
import { explainError, type ExplainedError } from '../shared/errors';
import { formatAge } from '../shared/format';
import { useLiveEvent } from '../shared/live';
import { OrderLines } from '../shared/order-parts';
import { useNow } from '../shared/use-now';
import { useAction } from '../shared/use-action';
import { useOrders } from '../shared/use-orders';
import { chime } from './chime';

const SOUND_KEY = 'shopwire.courier.sound';
const FRESH_MS = 5000;

interface BoardCardProps {
  order: OrderDetails;
  fresh: boolean;
  now: number;
  error: ExplainedError | null;
  /** A pick-up is running (one at a time). */
  busy: boolean;
  onPickUp: (id: number) => void;
}

/** One waiting order. Memoised: a busy board re-renders only the cards that changed. */
const BoardCard = memo(function BoardCard({ order, fresh, now, error, busy, onPickUp }: BoardCardProps) {
  const title = `board-${order.id}-title`;
  return (
    <li class={`order${fresh ? ' fresh' : ''}`} data-order-id={order.id} aria-labelledby={title}>
      <div class="order-head">
        <h2 id={title}>Order #{order.id}</h2>
        <span class="age">
          <time dateTime={order.placedAt}>{formatAge(order.placedAt, now)}</time>
        </span>
      </div>
      <p class="customer">
        <span class="muted">Customer</span> {order.email}
      </p>
      <BoardDestination order={order} />
      {order.items.length > 0 ? <OrderLines order={order} /> : <p class="muted">Loading items…</p>}
      <ErrorNotice error={error} />
      <button
        type="button"
        class="primary"
        aria-describedby={title}
        // Not disabled: a disabled button drops the focus; useAction runs one pick-up at a time.
        aria-disabled={busy || undefined}
        onClick={() => onPickUp(order.id)}
      >
        Pick up
      </button>
    </li>
  );
});

/**
 * What the board may say about where an order goes: the address is the picking courier's only
 * (docs/security.md), so the board says there is one and that it shows after the pick-up.
 */
function BoardDestination({ order }: { order: OrderDetails }) {
  if (!order.hasDeliveryAddress && !order.deliveryLocation) return null;
  return (
    <p class="address-later">
      {order.deliveryLocation ? 'Pinned point on the map. ' : ''}
      {order.hasDeliveryAddress ? 'The delivery address shows in My deliveries after you pick this up.' : ''}
    </p>
  );
}

/** Orders waiting for a courier, newest first, live: new ones appear, taken ones leave. */
export function Board() {
  const api = useApi();
  const { orders, setOrders, error, refetch } = useOrders(api.courier.board);
  const now = useNow(30_000);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  // The order the last pick-up was for (its error shows on its card), as a ref for the failure
  // handler and as state for the render.
  const target = useRef<number | null>(null);
  const [errorFor, setErrorFor] = useState<number | null>(null);
  const [sound, setSound] = useState(localStorage.getItem(SOUND_KEY) === 'on');
  const pickingUp = useRef(new Set<number>());
  // The picked-up card goes away with its button: focus moves to what happened.
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => localStorage.setItem(SOUND_KEY, sound ? 'on' : 'off'), [sound]);

  const remove = (id: number): void => setOrders((current) => current && current.filter((order) => order.id !== id));

  useLiveEvent('order.available', (event) => {
    // Show it at once from the event; its lines and total follow with the refetch.
    const placeholder: OrderDetails = {
      id: event.orderId,
      email: event.email,
      status: 'CREATED',
      total: 0,
      items: [],
      placedAt: event.occurredAt,
      pickedUpAt: null,
      deliveredAt: null,
      deliveryLocation: null,
      deliveryAddress: null,
      hasDeliveryAddress: false,
    };
    setOrders((current) =>
      current?.some((order) => order.id === event.orderId)
        ? current
        : [placeholder, ...(current ?? [])].sort((a, b) => b.id - a.id),
    );
    setFresh((current) => new Set(current).add(event.orderId));
    setTimeout(() => setFresh((current) => new Set([...current].filter((id) => id !== event.orderId))), FRESH_MS);
    setNote(`New order #${event.orderId} from ${event.email}.`);
    if (sound) chime();
    refetch();
  });

  useLiveEvent('order.taken', (event) => {
    if (pickingUp.current.has(event.orderId)) return;
    if (orders?.some((order) => order.id === event.orderId)) {
      setNote(`Order #${event.orderId} was taken by another courier.`);
    }
    remove(event.orderId);
  });

  const picking = useAction(
    'pick-up',
    async (id: number) => {
      pickingUp.current.add(id);
      try {
        await api.courier.pickUp(id);
      } finally {
        pickingUp.current.delete(id);
      }
      setNote(`Picked up order #${id}. It is now in My deliveries.`);
      remove(id);
      requestAnimationFrame(() => outcome.current?.focus());
    },
    (failure) => {
      // A 400 is the race with another courier: the card goes, and nothing went wrong for this one.
      if ((failure as { status?: number }).status !== 400) return explainError(failure, 'pick-up');
      setNote(`Order #${target.current} was taken by another courier.`);
      remove(target.current!);
      return null;
    },
  );
  // Stable across renders, so memoised cards are not re-rendered for a new callback.
  const pickUp = useCallback((id: number) => {
    target.current = id;
    setErrorFor(id);
    void picking.run(id);
  }, []);

  return (
    <section class="card" aria-labelledby="board-title">
      <div class="section-head">
        <h1 id="board-title">Orders to deliver</h1>
        <label class="toggle">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.currentTarget.checked)} /> Sound for new
          orders
        </label>
      </div>
      <div ref={outcome} tabIndex={-1} class="outcome">
        <StatusNotice>{note}</StatusNotice>
      </div>
      <ErrorNotice error={error} />
      {orders === null && !error && <p class="muted">Loading the board…</p>}
      {orders?.length === 0 && (
        <EmptyState title="No orders waiting.">New orders appear here the moment they are placed.</EmptyState>
      )}
      <ul class="orders board">
        {orders?.map((order) => (
          <BoardCard
            key={order.id}
            order={order}
            fresh={fresh.has(order.id)}
            now={now}
            error={errorFor === order.id ? picking.error : null}
            busy={picking.busy}
            onPickUp={pickUp}
          />
        ))}
      </ul>
    </section>
  );
}
