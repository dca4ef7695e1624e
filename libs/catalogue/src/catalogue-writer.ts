import { createHash } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { escapedNameSize, sqlBatches } from './sql-batches.js';

/** A product to insert: its exact name, price and distinct category names. */
export interface NewProduct {
  name: string;
  price: number;
  categories: readonly string[];
}

/** Link rows are two integers: many more fit in one statement. */
const MAX_LINKS_PER_STATEMENT = 10_000;

/** The value of the `name_hash` column (UNHEX(SHA2(name, 256)) over the UTF-8 bytes). */
export const nameHash = (name: string): Buffer => createHash('sha256').update(name, 'utf8').digest();

/**
 * THE writes of `products`, `categories` and `product_categories` (ADR 0011; the reads are
 * catalogue-rows.ts and catalogue-version.ts). Set-based SQL for the import: every statement covers a batch of rows, never one row, so a
 * 100,000-line file takes a few hundred statements. All methods run on the caller's connection.
 */
export class CatalogueWriter {
  constructor(private readonly runner: QueryRunner) {}

  /** Which of `names` are already products (looked up by the unique name hash). */
  async existingProductNames(names: readonly string[]): Promise<Set<string>> {
    const rows = await this.selectByNameHash<{ name: string }>('SELECT name FROM products', names);
    return new Set(rows.map((row) => row.name));
  }

  /** Inserts the products, their new categories and the links; the caller owns the transaction. */
  async insertProducts(products: readonly NewProduct[]): Promise<void> {
    const categoryIds = await this.ensureCategories(products);
    const productIds = await this.insertProductRows(products);
    const links = products.flatMap((product) => {
      const productId = productIds.get(product.name)!;
      return product.categories.map((category) => [productId, categoryIds.get(category)!]);
    });
    for (const batch of sqlBatches(links, () => 24, MAX_LINKS_PER_STATEMENT)) {
      await this.runner.query('INSERT INTO product_categories (product_id, category_id) VALUES ?', [batch]);
    }
  }

  /**
   * Inserts the product rows and returns their ids by name. Every row this transaction inserts
   * gets an id at or above the first statement's first id, so one primary-key range scan finds
   * them all — far cheaper than looking 100,000 names up by hash. Names are unique, so rows of
   * other writers in that range are told apart by name.
   */
  private async insertProductRows(products: readonly NewProduct[]): Promise<Map<string, number>> {
    let firstId: number | undefined;
    for (const batch of sqlBatches(products, (product) => escapedNameSize(product.name))) {
      const result: { insertId: number } = await this.runner.query('INSERT INTO products (name, price) VALUES ?', [
        batch.map((product) => [product.name, product.price]),
      ]);
      firstId ??= result.insertId;
    }
    const wanted = new Set(products.map((product) => product.name));
    const rows: { id: number; name: string }[] = await this.runner.query(
      'SELECT id, name FROM products WHERE id >= ?',
      [firstId],
    );
    return new Map(rows.filter((row) => wanted.has(row.name)).map((row) => [row.name, row.id]));
  }

  /**
   * Creates the categories not there yet and returns every id by name. INSERT IGNORE on the unique
   * hash reuses existing rows; sorting by hash makes concurrent writers lock rows in one order.
   */
  private async ensureCategories(products: readonly NewProduct[]): Promise<Map<string, number>> {
    const names = [...new Set(products.flatMap((product) => product.categories))];
    const sorted = names.map((name) => ({ name, hash: nameHash(name) })).sort((a, b) => Buffer.compare(a.hash, b.hash));
    for (const batch of sqlBatches(sorted, (category) => escapedNameSize(category.name))) {
      await this.runner.query('INSERT IGNORE INTO categories (name) VALUES ?', [batch.map((c) => [c.name])]);
    }
    return this.idsByName('categories', names);
  }

  private async idsByName(table: 'products' | 'categories', names: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.selectByNameHash<{ id: number; name: string }>(`SELECT id, name FROM ${table}`, names);
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  /** `<select> WHERE name_hash IN (...)` in batches; rows are filtered on the exact name too. */
  private async selectByNameHash<Row extends { name: string }>(
    select: string,
    names: readonly string[],
  ): Promise<Row[]> {
    const wanted = new Set(names);
    const rows: Row[] = [];
    for (const batch of sqlBatches([...wanted], () => 70)) {
      const found: Row[] = await this.runner.query(`${select} WHERE name_hash IN (?)`, [batch.map(nameHash)]);
      rows.push(...found.filter((row) => wanted.has(row.name)));
    }
    return rows;
  }
}
