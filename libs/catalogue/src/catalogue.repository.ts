import { Inject, Injectable } from '@nestjs/common';
import { runInTransaction, withNamedLock, type SqlExecutor, type WriteResult } from '@shopwire/database';
import { CATALOGUE_REVISION_SQL, STORE_EPOCH_SQL } from '@shopwire/store-data';
import { DataSource, type QueryRunner } from 'typeorm';
import {
  type CatalogueProduct,
  type CatalogueVersion,
  nameHash,
  type NewProduct,
  type OwnedProduct,
  type ProductChange,
} from './catalogue-products.js';
import { escapedNameSize, sqlBatches } from './sql-batches.js';

/**
 * The catalogue's version is the highest product id. That is only sound because every catalogue
 * write (the CSV import) runs under this one named lock, committing before it releases: product
 * ids then become visible in increasing order, so a reader that has seen every id up to V can
 * catch up by loading only the ids above V. Products are never deleted; a change to an existing
 * product (price, on sale, `change`) bumps the catalogue revision instead (ADR 0021).
 */
const CATALOGUE_WRITE_LOCK = 'shopwire_catalogue_write';

/** How long an import waits for another one to finish before giving up. */
const LOCK_WAIT_SECONDS = 60;

/** Link rows are two integers: many more fit in one statement. */
const MAX_LINKS_PER_STATEMENT = 10_000;

const PRODUCTS_WITH_CATEGORIES = `SELECT p.id, p.name, p.price, p.on_sale, c.name AS category
       FROM products p
       JOIN product_categories pc ON pc.product_id = p.id
       JOIN categories c ON c.id = pc.category_id`;

/**
 * THE place with SQL on `products`, `categories` and `product_categories` (ADR 0011): search's
 * and the owner's reads, the version probe, the owner's change of one product, and the import's
 * set-based writes (every statement covers a batch of rows, never one row, so a 100,000-line file
 * takes a few hundred statements; they run on the caller's connection, `tx`).
 */
@Injectable()
export class CatalogueRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Products ON SALE with an id above `afterId`, in id order, each with all of its categories. One
   * statement, so a product and its category links come from the same committed snapshot. A
   * product taken off sale is not part of what customers see (search, ADR 0021).
   */
  async productsAfter(afterId: number): Promise<CatalogueProduct[]> {
    const rows = await this.dataSource.query<ProductCategoryRow[]>(
      `${PRODUCTS_WITH_CATEGORIES} WHERE p.id > ? AND p.on_sale = 1 ORDER BY p.id, c.id`,
      [afterId],
    );
    return groupByProduct(rows).map(({ onSale: _onSale, ...product }) => product);
  }

  /** Every product, on sale or not, in id order (the owner's `GET /products`); `ids` narrows it. */
  async ownedProducts(ids?: readonly number[]): Promise<OwnedProduct[]> {
    if (ids?.length === 0) return [];
    const rows = await this.dataSource.query<ProductCategoryRow[]>(
      `${PRODUCTS_WITH_CATEGORIES} ${ids ? 'WHERE p.id IN (?)' : ''} ORDER BY p.id, c.id`,
      ids ? [ids] : [],
    );
    return groupByProduct(rows);
  }

  /** The current catalogue version (0 for an empty store), revision and store epoch: point queries in one statement. */
  async version(): Promise<CatalogueVersion> {
    const [row] = await this.dataSource.query<
      Array<{ epoch: string; version: number | string; revision: number | string }>
    >(
      `SELECT COALESCE(MAX(id), 0) AS version, ${STORE_EPOCH_SQL} AS epoch, ${CATALOGUE_REVISION_SQL} AS revision
       FROM products`,
    );
    return { epoch: String(row.epoch), version: Number(row.version), revision: Number(row.revision) };
  }

  /** Runs `work` on one connection that holds the catalogue write lock (timeout: NamedLockTimeoutError). */
  withWriteLock<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    return withNamedLock(this.dataSource, CATALOGUE_WRITE_LOCK, LOCK_WAIT_SECONDS, work);
  }

  /**
   * THE write of an existing product (ADR 0021): the row and the catalogue revision change in one
   * transaction, so every reader that compares the revision (search's snapshot, placement's known
   * prices) sees the change from the moment it commits. Orders keep the unit price they were
   * placed with (`order_items.unit_price`), so nothing else is touched. Returns false, writing
   * nothing, when there is no such product.
   *
   * Locks: the revision row first, then the product row — the order in which an order's own
   * statement takes them. That statement's epoch/revision check is a locking read (MariaDB locks
   * rows read by a compound statement's conditions: a shared lock on the revision row until
   * COMMIT), and its item rows lock their products (the foreign key's shared lock). Taking the
   * product first and the revision second would close a cycle with any order in flight (a
   * deadlock whose victim, after the retries, was a 500 under load); in this order a change waits
   * for the orders already priced and then goes, and concurrent changes queue on the revision row.
   */
  change(change: ProductChange): Promise<boolean> {
    return runInTransaction(this.dataSource, async (tx) => {
      const found: unknown[] = await tx.query('SELECT id FROM products WHERE id = ?', [change.id]);
      if (found.length === 0) return false;
      await tx.query('UPDATE store_epoch SET catalogue_revision = catalogue_revision + 1 WHERE id = 1');
      await tx.query('UPDATE products SET price = COALESCE(?, price), on_sale = COALESCE(?, on_sale) WHERE id = ?', [
        change.price ?? null,
        change.onSale === undefined ? null : Number(change.onSale),
        change.id,
      ]);
      return true;
    });
  }

  // --- The import's writes, on the caller's connection -----------------------------------

  /** Which of `names` are already products (looked up by the unique name hash). */
  async existingProductNames(tx: SqlExecutor, names: readonly string[]): Promise<Set<string>> {
    const rows = await this.selectByNameHash<{ name: string }>(tx, 'SELECT name FROM products', names);
    return new Set(rows.map((row) => row.name));
  }

  /** Inserts the products, their new categories and the links; the caller owns the transaction. */
  async insertProducts(tx: SqlExecutor, products: readonly NewProduct[]): Promise<void> {
    const categoryIds = await this.ensureCategories(tx, products);
    const productIds = await this.insertProductRows(tx, products);
    const links = products.flatMap((product) => {
      const productId = productIds.get(product.name)!;
      return product.categories.map((category) => [productId, categoryIds.get(category)!]);
    });
    for (const batch of sqlBatches(links, () => 24, MAX_LINKS_PER_STATEMENT)) {
      await tx.query('INSERT INTO product_categories (product_id, category_id) VALUES ?', [batch]);
    }
  }

  /**
   * Inserts the product rows and returns their ids by name. Every row this transaction inserts
   * gets an id at or above the first statement's first id, so one primary-key range scan finds
   * them all — far cheaper than looking 100,000 names up by hash. Names are unique, so rows of
   * other writers in that range are told apart by name.
   */
  private async insertProductRows(tx: SqlExecutor, products: readonly NewProduct[]): Promise<Map<string, number>> {
    let firstId: number | undefined;
    for (const batch of sqlBatches(products, (product) => escapedNameSize(product.name))) {
      const result = await tx.query<WriteResult>('INSERT INTO products (name, price) VALUES ?', [
        batch.map((product) => [product.name, product.price]),
      ]);
      firstId ??= result.insertId;
    }
    const wanted = new Set(products.map((product) => product.name));
    const rows = await tx.query<Array<{ id: number; name: string }>>('SELECT id, name FROM products WHERE id >= ?', [
      firstId,
    ]);
    return new Map(rows.filter((row) => wanted.has(row.name)).map((row) => [row.name, row.id]));
  }

  /**
   * Creates the categories not there yet and returns every id by name. INSERT IGNORE on the unique
   * hash reuses existing rows; sorting by hash makes concurrent writers lock rows in one order.
   */
  private async ensureCategories(tx: SqlExecutor, products: readonly NewProduct[]): Promise<Map<string, number>> {
    const names = [...new Set(products.flatMap((product) => product.categories))];
    const sorted = names.map((name) => ({ name, hash: nameHash(name) })).sort((a, b) => Buffer.compare(a.hash, b.hash));
    for (const batch of sqlBatches(sorted, (category) => escapedNameSize(category.name))) {
      await tx.query('INSERT IGNORE INTO categories (name) VALUES ?', [batch.map((c) => [c.name])]);
    }
    const rows = await this.selectByNameHash<{ id: number; name: string }>(
      tx,
      'SELECT id, name FROM categories',
      names,
    );
    return new Map(rows.map((row) => [row.name, row.id]));
  }

  /** `<select> WHERE name_hash IN (...)` in batches; rows are filtered on the exact name too. */
  private async selectByNameHash<Row extends { name: string }>(
    tx: SqlExecutor,
    select: string,
    names: readonly string[],
  ): Promise<Row[]> {
    const wanted = new Set(names);
    const rows: Row[] = [];
    for (const batch of sqlBatches([...wanted], () => 70)) {
      const found = await tx.query<Row[]>(`${select} WHERE name_hash IN (?)`, [batch.map(nameHash)]);
      rows.push(...found.filter((row) => wanted.has(row.name)));
    }
    return rows;
  }
}

interface ProductCategoryRow {
  id: number;
  name: string;
  price: number;
  on_sale: number;
  category: string;
}

/** Rows in product id order → one product per id with all of its categories. */
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
