import type { GeoPoint } from '@shopwire/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice } from '../shared/components';
import { explainError } from '../shared/errors';
import { formatMoney, lineTotal } from '../shared/format';
import { useStore } from '../shared/store';
import { useAction } from '../shared/use-action';
import { addressBody, checkAddress, EMPTY_ADDRESS, fieldOfMessage, type AddressErrors } from './address-form';
import { AddressFields } from './AddressFields';
import { cartStore, clearCart, renewOrderKey, setQuantity } from './cart';
import { LocationPicker } from './LocationPicker';

/**
 * The cart: quantities, total, where to deliver (an address, a point, or both), and "Place
 * order" (one order per cart, whatever the clicks). Focus moves to the outcome.
 */
export function Cart() {
  const api = useApi();
  const cart = useStore(cartStore);
  const [placed, setPlaced] = useState<number | null>(null);
  const [deliveryLocation, setDeliveryLocation] = useState<GeoPoint | null>(null);
  const [address, setAddress] = useState(EMPTY_ADDRESS);
  const [addressErrors, setAddressErrors] = useState<AddressErrors>({});
  const outcome = useRef<HTMLDivElement>(null);
  const lines = cart.lines.map((line) => ({ ...line, price: line.product.price }));

  const place = useAction(
    'order',
    async () => {
      const submitted = cart;
      const { id } = await api.customer.placeOrder(
        submitted.lines.map((line) => ({ id: line.product.id, quantity: line.quantity })),
        submitted.orderKey,
        { deliveryLocation, deliveryAddress: addressBody(address) },
      );
      if (cartStore.get().orderKey === submitted.orderKey) clearCart();
      setAddress(EMPTY_ADDRESS);
      setDeliveryLocation(null);
      setPlaced(id);
    },
    (failure) => {
      const explained = explainError(failure, 'order', { lineNames: cart.lines.map((line) => line.product.name) });
      // A message about an address field goes under that field (in words; the service's own
      // message stays under "Details" above), and focus goes to the field.
      const said = explained.detail ?? explained.message;
      const about = fieldOfMessage(said);
      if (!about) return explained;
      setAddressErrors({ [about]: explained.message });
      requestAnimationFrame(() => document.getElementById(`address-${about}`)?.focus());
      return { message: 'Please check the delivery address.', detail: said };
    },
  );

  // Focus follows the outcome of "Place order": the confirmation, or what went wrong.
  useEffect(() => {
    const aboutAField = Object.keys(addressErrors).length > 0;
    if (placed !== null || (place.error && !aboutAField)) outcome.current?.focus();
  }, [placed, place.error]);

  function submit() {
    if (cart.lines.length === 0) return;
    setPlaced(null);
    const errors = checkAddress(address);
    setAddressErrors(errors);
    if (Object.keys(errors).length > 0) {
      const first = Object.keys(errors)[0];
      document.getElementById(`address-${first}`)?.focus();
      return;
    }
    void place.run();
  }

  const changeDestination =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      renewOrderKey();
    };

  return (
    <section class="card cart" id="cart" aria-labelledby="cart-title">
      <h2 id="cart-title" tabIndex={-1}>
        Your cart
      </h2>
      <div ref={outcome} tabIndex={-1} class="outcome">
        {placed !== null && (
          <div class="notice notice-success" role="status" aria-live="polite">
            Order #{placed} placed. <a href="#/orders">Track your order</a>
          </div>
        )}
        <ErrorNotice error={place.error} />
      </div>
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
      {lines.length > 0 && (
        <>
          <AddressFields
            value={address}
            errors={addressErrors}
            onChange={(next) => {
              setAddressErrors({});
              changeDestination(setAddress)(next);
            }}
          />
          <LocationPicker value={deliveryLocation} onChange={changeDestination(setDeliveryLocation)} />
        </>
      )}
      <button
        type="button"
        class="primary wide"
        onClick={submit}
        disabled={place.busy || lines.length === 0}
        aria-busy={place.busy}
      >
        Place order
      </button>
      {place.busy && (
        <p class="muted" role="status">
          Placing your order…
        </p>
      )}
    </section>
  );
}
