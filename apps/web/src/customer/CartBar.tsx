import { formatMoney, lineTotal } from '../shared/format';
import { useStore } from '../shared/store';
import { cartStore } from './cart';

/**
 * On a phone the cart is below the product list: a bar at the bottom says what is in it and
 * jumps there (focus moves to the cart's heading, so keyboard and screen-reader users land too).
 */
export function CartBar() {
  const { lines } = useStore(cartStore);
  if (lines.length === 0) return null;
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  const total = lineTotal(lines.map((line) => ({ price: line.product.price, quantity: line.quantity })));
  return (
    <div class="cart-bar">
      <button
        type="button"
        class="primary wide"
        onClick={() => {
          const heading = document.getElementById('cart-title');
          heading?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          heading?.focus({ preventScroll: true });
        }}
      >
        View cart · {count} {count === 1 ? 'item' : 'items'} · {formatMoney(total)}
      </button>
    </div>
  );
}
