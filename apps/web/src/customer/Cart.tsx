import { useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice, StatusNotice } from '../shared/components';
import { explainError, type ExplainedError } from '../shared/errors';
import { formatMoney, lineTotal } from '../shared/format';
import { cartStore, clearCart, setQuantity } from './cart';
import { useStore } from '../shared/store';

/** The cart: quantities, total, and "Place order" (one order per cart, whatever the clicks). */
export function Cart() {
  const api = useApi();
  const cart = useStore(cartStore);
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<number | null>(null);
  const [error, setError] = useState<ExplainedError | null>(null);
  // A second click in the same tick sees the old state; the ref does not.
  const inFlight = useRef(false);
  const lines = cart.lines.map((line) => ({ ...line, price: line.product.price }));

  async function placeOrder() {
    if (inFlight.current || cart.lines.length === 0) return;
    inFlight.current = true;
    setPlacing(true);
    setError(null);
    setPlaced(null);
    const submitted = cart;
    try {
      const { id } = await api.customer.placeOrder(
        submitted.lines.map((line) => ({ id: line.product.id, quantity: line.quantity })),
        submitted.orderKey,
      );
      if (cartStore.get().orderKey === submitted.orderKey) clearCart();
      setPlaced(id);
    } catch (failure) {
      setError(explainError(failure, 'order', { lineNames: submitted.lines.map((line) => line.product.name) }));
    } finally {
      inFlight.current = false;
      setPlacing(false);
    }
  }

  return (
    <section class="card cart" aria-labelledby="cart-title">
      <h2 id="cart-title">Your cart</h2>
      {placed !== null && (
        <StatusNotice tone="success">
          Order #{placed} placed. <a href="#/orders">Track your order</a>
        </StatusNotice>
      )}
      {lines.length === 0 ? (
        <EmptyState title="Your cart is empty.">Add products from the list.</EmptyState>
      ) : (
        <ul class="cart-lines">
          {lines.map((line) => (
            <li key={line.product.id}>
              <span class="line-name">{line.product.name}</span>
              <label class="visually-hidden" for={`qty-${line.product.id}`}>
                Quantity of {line.product.name}
              </label>
              <input
                id={`qty-${line.product.id}`}
                class="qty-input"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={line.quantity}
                onChange={(event) => {
                  const quantity = Number(event.currentTarget.value);
                  if (Number.isInteger(quantity) && quantity >= 1) setQuantity(line.product.id, quantity);
                  else event.currentTarget.value = String(line.quantity);
                }}
              />
              <span class="line-price">{formatMoney(line.price * line.quantity)}</span>
              <button
                type="button"
                class="icon-button"
                aria-label={`Remove ${line.product.name}`}
                onClick={() => setQuantity(line.product.id, 0)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {lines.length > 0 && (
        <p class="total">
          <span>Total</span> <strong>{formatMoney(lineTotal(lines))}</strong>
        </p>
      )}
      <ErrorNotice error={error} />
      <button
        type="button"
        class="primary wide"
        onClick={placeOrder}
        disabled={placing || lines.length === 0}
        aria-busy={placing}
      >
        Place order
      </button>
      {placing && (
        <p class="muted" role="status">
          Placing your order…
        </p>
      )}
    </section>
  );
}
