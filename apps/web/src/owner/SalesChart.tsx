import type { ProductStatisticsEntry } from '@shopwire/contracts';

const TOP = 8;

/**
 * Units per product, sold and waiting, as stacked bars (hand-rolled SVG, one per row so labels
 * stay readable text at any width). The top products by units ordered; the table has them all.
 */
export function SalesChart({ products }: { products: ProductStatisticsEntry[] }) {
  const top = [...products]
    .sort((a, b) => b.sold + b.waiting - (a.sold + a.waiting) || (a.name < b.name ? -1 : 1))
    .slice(0, TOP);
  const max = Math.max(1, ...top.map((product) => product.sold + product.waiting));
  return (
    <figure class="sales-chart">
      <figcaption>
        <span>Top {top.length === 1 ? 'product' : `${top.length} products`} by units ordered</span>
        <span class="legend" aria-hidden="true">
          <span class="key key-sold" /> sold <span class="key key-waiting" /> waiting
        </span>
      </figcaption>
      <ol>
        {top.map((product) => {
          const sold = (product.sold / max) * 100;
          const waiting = (product.waiting / max) * 100;
          return (
            <li key={product.name}>
              <span class="sales-bar-name">{product.name}</span>
              <svg
                class="sales-bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                role="img"
                aria-label={`${product.name}: ${product.sold} sold, ${product.waiting} waiting`}
              >
                <rect class="sales-bar-sold" x="0" y="0" width={sold} height="10" />
                <rect class="sales-bar-waiting" x={sold} y="0" width={waiting} height="10" />
              </svg>
              <span class="sales-bar-value" aria-hidden="true">
                {product.sold} / {product.waiting}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
