import type { DataSource } from 'typeorm';

/** A product as search shows it: every category it belongs to, each once. */
export interface CatalogueProduct {
  id: number;
  name: string;
  price: number;
  categories: string[];
}

interface ProductCategoryRow {
  id: number;
  name: string;
  price: number;
  category: string;
}

/**
 * Products with an id above `afterId`, in id order, each with all of its categories. One
 * statement, so a product and its category links come from the same committed snapshot.
 */
export async function loadProductsAfter(dataSource: DataSource, afterId: number): Promise<CatalogueProduct[]> {
  const rows: ProductCategoryRow[] = await dataSource.query(
    `SELECT p.id, p.name, p.price, c.name AS category
       FROM products p
       JOIN product_categories pc ON pc.product_id = p.id
       JOIN categories c ON c.id = pc.category_id
      WHERE p.id > ?
      ORDER BY p.id, c.id`,
    [afterId],
  );
  const products: CatalogueProduct[] = [];
  for (const row of rows) {
    const last = products.at(-1);
    if (last?.id === row.id) last.categories.push(row.category);
    else products.push({ id: row.id, name: row.name, price: row.price, categories: [row.category] });
  }
  return products;
}
