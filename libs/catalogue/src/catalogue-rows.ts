import type { DataSource } from 'typeorm';

/** A product as search shows it: every category it belongs to, each once. */
export interface CatalogueProduct {
  id: number;
  name: string;
  price: number;
  categories: string[];
}

/** A product as the owner sees it: on sale or not (ADR 0021). */
export interface OwnedProduct extends CatalogueProduct {
  onSale: boolean;
}

interface ProductCategoryRow {
  id: number;
  name: string;
  price: number;
  on_sale: number;
  category: string;
}

const PRODUCTS_WITH_CATEGORIES = `SELECT p.id, p.name, p.price, p.on_sale, c.name AS category
       FROM products p
       JOIN product_categories pc ON pc.product_id = p.id
       JOIN categories c ON c.id = pc.category_id`;

/**
 * Products ON SALE with an id above `afterId`, in id order, each with all of its categories. One
 * statement, so a product and its category links come from the same committed snapshot. A
 * product taken off sale is not part of what customers see (search, ADR 0021).
 */
export async function loadProductsAfter(dataSource: DataSource, afterId: number): Promise<CatalogueProduct[]> {
  const rows: ProductCategoryRow[] = await dataSource.query(
    `${PRODUCTS_WITH_CATEGORIES} WHERE p.id > ? AND p.on_sale = 1 ORDER BY p.id, c.id`,
    [afterId],
  );
  return groupByProduct(rows).map(({ onSale: _onSale, ...product }) => product);
}

/** Every product, on sale or not, in id order (the owner's `GET /products`); `ids` narrows it. */
export async function loadOwnedProducts(dataSource: DataSource, ids?: readonly number[]): Promise<OwnedProduct[]> {
  if (ids?.length === 0) return [];
  const rows: ProductCategoryRow[] = await dataSource.query(
    `${PRODUCTS_WITH_CATEGORIES} ${ids ? 'WHERE p.id IN (?)' : ''} ORDER BY p.id, c.id`,
    ids ? [ids] : [],
  );
  return groupByProduct(rows);
}

function groupByProduct(rows: readonly ProductCategoryRow[]): OwnedProduct[] {
  const products: OwnedProduct[] = [];
  for (const row of rows) {
    const last = products.at(-1);
    if (last?.id === row.id) last.categories.push(row.category);
    else {
      const { id, name, price } = row;
      products.push({ id, name, price, categories: [row.category], onSale: Number(row.on_sale) === 1 });
    }
  }
  return products;
}
