import type { DataSource } from 'typeorm';

export interface ProductSeed {
  name: string;
  price: number;
  categories?: string[];
}

/**
 * Test factory: inserts products (and their categories, created on first use) straight into the
 * store tables, for tests that must not depend on the `/update` import. Returns the product ids.
 */
export async function seedProducts(dataSource: DataSource, products: readonly ProductSeed[]): Promise<number[]> {
  const ids: number[] = [];
  for (const product of products) {
    const inserted = await dataSource.query('INSERT INTO products (name, price) VALUES (?, ?)', [
      product.name,
      product.price,
    ]);
    const productId = Number(inserted.insertId);
    for (const category of product.categories ?? []) {
      // LAST_INSERT_ID(id) makes insertId the existing row's id on a duplicate name.
      const row = await dataSource.query(
        'INSERT INTO categories (name) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)',
        [category],
      );
      await dataSource.query('INSERT IGNORE INTO product_categories (product_id, category_id) VALUES (?, ?)', [
        productId,
        Number(row.insertId),
      ]);
    }
    ids.push(productId);
  }
  return ids;
}
