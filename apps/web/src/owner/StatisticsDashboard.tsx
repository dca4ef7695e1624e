import type { ProductStatisticsEntry } from '@shopwire/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { EmptyState, ErrorNotice } from '../shared/components';
import { formatExactMoney } from '../shared/format';
import { exactSum } from './exact-sum';
import { QueueDashboardButton } from './QueueDashboardButton';
import { SalesChart } from './SalesChart';
import { useStatistics } from './statistics-feed';

const HIGHLIGHT_MS = 2500;
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const count = new Intl.NumberFormat();

/** Names of products whose figures differ from the previous answer, highlighted for a moment. */
function useChangedProducts(products: ProductStatisticsEntry[] | undefined): Set<string> {
  const previous = useRef<Map<string, string> | null>(null);
  // In a ref, not an effect cleanup: an unchanged refetch must not cancel a pending fade-out.
  const fade = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  useEffect(() => () => clearTimeout(fade.current), []);
  useEffect(() => {
    if (!products) return;
    const now = new Map(products.map((p) => [p.name, `${p.sold}/${p.waiting}`]));
    const before = previous.current;
    previous.current = now;
    if (!before) return;
    const names = new Set([...now].filter(([name, figures]) => before.get(name) !== figures).map(([name]) => name));
    if (names.size === 0) return;
    setChanged(names);
    clearTimeout(fade.current);
    fade.current = setTimeout(() => setChanged(new Set()), HIGHLIGHT_MS);
  }, [products]);
  return changed;
}

function Tile({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <div class="tile" data-testid={id}>
      <span class="tile-value">{value}</span>
      <span class="tile-label">{label}</span>
    </div>
  );
}

/** A product's revenue under its units (the units stay the cell's first figure). */
function Money({ amount, col }: { amount: number | undefined; col: string }) {
  if (amount === undefined) return null;
  return (
    <span class="money" data-col={col}>
      {formatExactMoney(amount)}
    </span>
  );
}

/**
 * Sales statistics (contract §3.2–3.3, and revenue in money) that follow the store live: tiles,
 * a chart, a table per endpoint. Updates arrive as `statistics.changed` signals; no reload, no polling.
 */
export function StatisticsDashboard() {
  const { statistics, error } = useStatistics();
  const products = statistics?.products;
  const changed = useChangedProducts(products);
  const byUnits = products
    ? [...products].sort((a, b) => b.sold - a.sold || b.waiting - a.waiting || (a.name < b.name ? -1 : 1))
    : [];
  const sold = byUnits.reduce((sum, p) => sum + p.sold, 0);
  const waiting = byUnits.reduce((sum, p) => sum + p.waiting, 0);
  const revenue = new Map(statistics?.revenue.map((entry) => [entry.name, entry]));
  const soldRevenue = exactSum(statistics?.revenue.map((entry) => entry.soldRevenue) ?? []);
  const waitingRevenue = exactSum(statistics?.revenue.map((entry) => entry.waitingRevenue) ?? []);

  return (
    <>
      <section class="card" aria-labelledby="stats-title">
        <div class="section-head">
          <h1 id="stats-title">Sales statistics</h1>
          {statistics && (
            <p class="muted updated" data-testid="updated-at">
              Updated{' '}
              <time dateTime={new Date(statistics.fetchedAt).toISOString()}>{clock.format(statistics.fetchedAt)}</time>
            </p>
          )}
        </div>
        <ErrorNotice error={error} />
        {!statistics && !error && <p class="muted">Loading statistics…</p>}
        {statistics && (
          <>
            <div class="tiles">
              <Tile id="tile-revenue" label="revenue delivered" value={formatExactMoney(soldRevenue)} />
              <Tile id="tile-revenue-waiting" label="revenue waiting" value={formatExactMoney(waitingRevenue)} />
              <Tile id="tile-sold" label="units sold" value={count.format(sold)} />
              <Tile id="tile-waiting" label="units waiting" value={count.format(waiting)} />
              <Tile id="tile-products" label="products ordered" value={count.format(byUnits.length)} />
              <Tile id="tile-categories" label="categories" value={count.format(statistics.categories.length)} />
            </div>
            {byUnits.length === 0 ? (
              <EmptyState title="No orders yet.">Figures appear here as soon as a customer orders.</EmptyState>
            ) : (
              <SalesChart products={byUnits} />
            )}
          </>
        )}
      </section>

      {statistics && (
        <div class="stats-grid">
          <section class="card" aria-labelledby="products-title">
            <h2 id="products-title">Products</h2>
            <p class="hint">Units, and under them the money they bring, at the price each order was placed with.</p>
            {byUnits.length === 0 ? (
              <EmptyState title="No product has been ordered yet." />
            ) : (
              <table class="stats-table" data-testid="product-table">
                <caption class="visually-hidden">Units and revenue per product, most sold first</caption>
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col" class="num">
                      Sold
                    </th>
                    <th scope="col" class="num">
                      Waiting
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byUnits.map((product) => (
                    <tr
                      key={product.name}
                      data-product={product.name}
                      class={changed.has(product.name) ? 'changed' : undefined}
                    >
                      <th scope="row">{product.name}</th>
                      <td class="num">
                        <span data-col="sold">{count.format(product.sold)}</span>
                        <Money amount={revenue.get(product.name)?.soldRevenue} col="sold-revenue" />
                      </td>
                      <td class="num">
                        <span data-col="waiting">{count.format(product.waiting)}</span>
                        <Money amount={revenue.get(product.name)?.waitingRevenue} col="waiting-revenue" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section class="card" aria-labelledby="categories-title">
            <h2 id="categories-title">Categories</h2>
            <p class="hint">Ranked by units delivered; categories with equal units by name.</p>
            {statistics.categories.length === 0 ? (
              <EmptyState title="No categories yet.">
                <a href="#/owner/import">Import products</a> to create them.
              </EmptyState>
            ) : (
              <table class="stats-table" data-testid="category-table">
                <caption class="visually-hidden">Categories by units delivered</caption>
                <thead>
                  <tr>
                    <th scope="col" class="num">
                      Rank
                    </th>
                    <th scope="col">Category</th>
                  </tr>
                </thead>
                <tbody>
                  {statistics.categories.map((name, index) => (
                    <tr key={name} data-category={name}>
                      <td class="num">{index + 1}</td>
                      <th scope="row">{name}</th>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}

      <section class="card" aria-labelledby="queues-title">
        <h2 id="queues-title">Background jobs</h2>
        <QueueDashboardButton />
      </section>
    </>
  );
}
