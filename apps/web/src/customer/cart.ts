import type { SearchProduct } from '@shopwire/contracts';
import { createStore } from '../shared/store';

export interface CartLine {
  product: SearchProduct;
  quantity: number;
}

export interface CartState {
  lines: CartLine[];
  /**
   * The Idempotency-Key of the order this cart becomes. It changes only when the cart changes
   * or an order was placed, so a retry (a double click, a lost answer) cannot order twice.
   */
  orderKey: string;
}

const STORAGE_KEY = 'shopwire.cart';

function fresh(lines: CartLine[] = []): CartState {
  return { lines, orderKey: crypto.randomUUID() };
}

function restore(): CartState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as CartState | null;
    return saved && Array.isArray(saved.lines) && typeof saved.orderKey === 'string' ? saved : fresh();
  } catch {
    return fresh();
  }
}

export const cartStore = createStore<CartState>(restore());
cartStore.subscribe((cart) => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(cart)));

export function addToCart(product: SearchProduct): void {
  const { lines } = cartStore.get();
  const existing = lines.find((line) => line.product.id === product.id);
  cartStore.set(
    fresh(
      existing
        ? lines.map((line) => (line === existing ? { ...line, quantity: line.quantity + 1 } : line))
        : [...lines, { product, quantity: 1 }],
    ),
  );
}

export function setQuantity(productId: number, quantity: number): void {
  const { lines } = cartStore.get();
  cartStore.set(
    fresh(
      quantity > 0
        ? lines.map((line) => (line.product.id === productId ? { ...line, quantity } : line))
        : lines.filter((line) => line.product.id !== productId),
    ),
  );
}

export function clearCart(): void {
  cartStore.set(fresh());
}

/** Forget the cart of a signed-out customer (the next one on this window starts empty). */
export function forgetCart(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  cartStore.set(fresh());
}

/**
 * The order this cart becomes changed in another way (its delivery address or point): a retry
 * must not reuse the key of a request with the old body (the service would answer 422).
 */
export function renewOrderKey(): void {
  cartStore.update((cart) => ({ ...cart, orderKey: crypto.randomUUID() }));
}
