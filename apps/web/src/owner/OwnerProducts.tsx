import type { OwnerProduct } from '@shopwire/contracts';
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice, Field, StatusNotice } from '../shared/components';
import { formatExactMoney } from '../shared/format';
import { useAction } from '../shared/use-action';
import { useFeed } from '../shared/use-feed';
import { parsePrice } from './price-input';

interface RowProps {
  product: OwnerProduct;
  /** The product as the service answered after a change. */
  onChanged: (product: OwnerProduct) => void;
  /** A polite announcement of what the change did. */
  announce: (text: string) => void;
}

const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * One product: its price (changed inline: the service's refusal is shown under the field, in
 * words) and whether it is on sale. Focus stays with the product after each action.
 */
const ProductRow = memo(function ProductRow({ product, onChanged, announce }: RowProps) {
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');
  const [typo, setTypo] = useState<string | null>(null);
  const ids = { name: `product-${product.id}-name`, edit: `product-${product.id}-edit` };
  const priceField = `product-${product.id}-price`;
  const pricing = useAction('update-product', (price: number) => api.owner.updateProduct({ id: product.id, price }));
  const selling = useAction('update-product', (onSale: boolean) => api.owner.updateProduct({ id: product.id, onSale }));

  const open = () => {
    setTyped(String(product.price));
    setTypo(null);
    pricing.setError(null);
    setEditing(true);
    focusById(priceField);
  };
  const close = () => {
    setEditing(false);
    focusById(ids.edit);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const price = parsePrice(typed);
    setTypo(price === null ? 'Enter the price as a number, like 4.50.' : null);
    const updated = price === null ? undefined : await pricing.run(price);
    if (!updated) return focusById(priceField);
    onChanged(updated);
    announce(`${updated.name} now costs ${formatExactMoney(updated.price)}. New orders are charged this price.`);
    close();
  };
  const toggleSale = async () => {
    const updated = await selling.run(!product.onSale);
    if (!updated) return;
    onChanged(updated);
    announce(
      updated.onSale
        ? `${updated.name} is back on sale: customers find it again.`
        : `${updated.name} is off sale: customers no longer find or order it.`,
    );
  };

  return (
    <li class={`product owner-product${product.onSale ? '' : ' off-sale'}`} data-product-id={product.id}>
      <div class="product-info">
        <h2 class="product-name" id={ids.name}>
          {product.name}
        </h2>
        <p class="categories">{[...product.categories].sort().join(' · ')}</p>
      </div>
      <p class="price" data-field="price">
        {formatExactMoney(product.price)}
      </p>
      <span class={`badge sale-state${product.onSale ? ' on-sale' : ''}`} data-field="sale">
        {product.onSale ? 'On sale' : 'Off sale'}
      </span>
      <div class="product-actions">
        {!editing && (
          <button type="button" id={ids.edit} aria-describedby={ids.name} onClick={open}>
            Change price
          </button>
        )}
        <button
          type="button"
          aria-describedby={ids.name}
          // Not disabled while busy: a disabled button drops the focus (useAction runs it once at a time).
          aria-disabled={selling.busy || undefined}
          aria-busy={selling.busy}
          onClick={toggleSale}
        >
          {product.onSale ? 'Take off sale' : 'Put back on sale'}
        </button>
      </div>
      {editing && (
        <form
          class="price-form"
          noValidate
          onSubmit={save}
          onKeyDown={(event) => event.key === 'Escape' && close()}
          aria-label={`New price of ${product.name}`}
        >
          <Field
            label="New price (€)"
            name="price"
            idPrefix={`product-${product.id}`}
            value={typed}
            onInput={setTyped}
            error={typo ?? pricing.error?.message ?? null}
            hint="Orders already placed keep the price they were placed with."
          />
          <div class="price-actions">
            <button type="submit" class="primary" disabled={pricing.busy} aria-busy={pricing.busy}>
              Save price
            </button>
            <button type="button" class="link-button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorNotice error={selling.error} />
    </li>
  );
});

/**
 * Every product, on sale or not (`GET /products`): change a price, take a product off sale and
 * bring it back (`POST /update_product`). Each change is announced; focus stays on the product.
 */
export function OwnerProducts() {
  const api = useApi();
  const feed = useFeed(async () => (await api.owner.products()).products);
  const { data: products, setData, refetch } = feed;
  const [note, setNote] = useState('');
  useEffect(() => void refetch(), [refetch]);
  // Stable, so the memoised rows do not re-render for a new callback.
  const changed = useRef((updated: OwnerProduct) =>
    setData((current) => current && current.map((product) => (product.id === updated.id ? updated : product))),
  ).current;
  const announce = useRef((text: string) => setNote(text)).current;
  const offSale = products?.filter((product) => !product.onSale).length ?? 0;

  return (
    <section class="card" aria-labelledby="owner-products-title">
      <h1 id="owner-products-title">Products</h1>
      <p class="muted">
        A new price applies to orders placed from then on. A product off sale is hidden from the shop's search and
        cannot be ordered; past orders and the statistics keep it.
      </p>
      <StatusNotice tone="success">{note}</StatusNotice>
      <ErrorNotice error={feed.error} />
      {!products && !feed.error && (
        <p class="muted" role="status">
          Loading the products…
        </p>
      )}
      {products?.length === 0 && (
        <EmptyState title="The catalogue is empty.">
          <a href="#/owner/import">Import products</a> to start selling.
        </EmptyState>
      )}
      {products && products.length > 0 && (
        <p class="muted">
          {products.length} {products.length === 1 ? 'product' : 'products'}
          {offSale > 0 ? `, ${offSale} off sale` : ''}
        </p>
      )}
      <ul class="products owner-products">
        {products?.map((product) => (
          <ProductRow key={product.id} product={product} onChanged={changed} announce={announce} />
        ))}
      </ul>
    </section>
  );
}
