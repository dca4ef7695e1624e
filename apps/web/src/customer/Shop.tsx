import type { SearchResponse } from '@shopwire/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useApi } from '../shared/app-context';
import { EmptyState, ErrorNotice, Field } from '../shared/components';
import { useAction } from '../shared/use-action';
import { formatMoney } from '../shared/format';
import { addToCart } from './cart';
import { noMatchAdvice } from './no-match-advice';
import { Cart } from './Cart';
import { CartBar } from './CartBar';

/**
 * Browse and search the catalogue (by name and category, ignoring capitals), with the cart
 * beside it.
 */
export function Shop() {
  const api = useApi();
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [searched, setSearched] = useState({ name: '', category: '' });
  const [added, setAdded] = useState('');
  const searching = useAction('search', async (criteria: { name: string; category: string }) => {
    setResult(await api.customer.search(criteria.name, criteria.category));
    setSearched(criteria);
  });
  const { error } = searching;
  const search = (criteria = { name, category }) => searching.run(criteria);
  useEffect(() => void search({ name: '', category: '' }), []);
  // Loading until the first answer (or failure): the shop is never an empty page meanwhile.
  const busy = searching.busy || (result === null && error === null);

  const filtered = searched.name !== '' || searched.category !== '';
  return (
    <div class="shop">
      <section class="card catalogue" aria-labelledby="shop-title">
        <h1 id="shop-title">Products</h1>
        <form
          class="search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            void search();
          }}
        >
          <Field label="Name" name="name" type="search" value={name} onInput={setName} />
          <Field label="Category" name="category" type="search" value={category} onInput={setCategory} />
          <button type="submit" class="primary" disabled={busy}>
            Search
          </button>
        </form>
        <ErrorNotice error={error} />
        {busy && (
          <p class="muted loading" role="status">
            {result ? 'Searching…' : 'Loading the products…'}
          </p>
        )}
        {result && result.products.length === 0 && (
          <EmptyState title={filtered ? 'No products match your search.' : 'The catalogue is empty.'}>
            {filtered ? noMatchAdvice(searched) : 'Products appear here once the store imports them.'}
            {filtered && (
              <>
                {' '}
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    setName('');
                    setCategory('');
                    void search({ name: '', category: '' });
                  }}
                >
                  Show all products
                </button>
              </>
            )}
          </EmptyState>
        )}
        {result && result.products.length > 0 && (
          <>
            <p class="muted" aria-live="polite">
              {result.products.length} {result.products.length === 1 ? 'product' : 'products'}
              {filtered ? ' found' : ''}
            </p>
            <ul class="products">
              {[...result.products]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((product) => (
                  <li key={product.id} class="product">
                    <div class="product-info">
                      <h2 class="product-name" id={`product-${product.id}`}>
                        {product.name}
                      </h2>
                      <p class="categories">{[...product.categories].sort().join(' · ')}</p>
                    </div>
                    <p class="price">{formatMoney(product.price)}</p>
                    <button
                      type="button"
                      aria-describedby={`product-${product.id}`}
                      onClick={() => {
                        addToCart(product);
                        setAdded(`${product.name} added to your cart.`);
                      }}
                    >
                      Add to cart
                    </button>
                  </li>
                ))}
            </ul>
          </>
        )}
      </section>
      <Cart />
      <CartBar />
      <p class="visually-hidden" role="status">
        {added}
      </p>
    </div>
  );
}
