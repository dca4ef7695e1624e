import { createConnection, type Connection } from 'mysql2/promise';

/** The tables whose row counts a refused request must leave unchanged (contract §0.3). */
export const STORE_TABLES = [
  'products',
  'categories',
  'product_categories',
  'orders',
  'order_items',
  'order_delivery_addresses',
  'order_events',
];
export const AUTH_TABLES = ['accounts'];

export type TableCounts = Record<string, number>;

/**
 * Row counts of a database's tables in one round trip, plus orders per status so that a refused
 * transition (a status change without a new row) is caught as well, and the catalogue revision
 * so that a refused `/update_product` (a change without a new row) is too.
 */
export class TableCounter {
  private constructor(
    private readonly connection: Connection,
    private readonly sql: string,
  ) {}

  static async open(databaseUrl: string, tables: readonly string[]): Promise<TableCounter> {
    const columns = tables.map((table) => `(SELECT COUNT(*) FROM \`${table}\`) AS \`${table}\``);
    if (tables.includes('orders')) {
      for (const status of ['CREATED', 'PENDING', 'COMPLETE']) {
        columns.push(`(SELECT COUNT(*) FROM orders WHERE status = '${status}') AS \`orders_${status}\``);
      }
    }
    if (tables.includes('products')) {
      columns.push('(SELECT catalogue_revision FROM store_epoch WHERE id = 1) AS catalogue_revision');
    }
    return new TableCounter(await createConnection(databaseUrl), `SELECT ${columns.join(', ')}`);
  }

  async counts(): Promise<TableCounts> {
    const [rows] = await this.connection.query(this.sql);
    const row = (rows as Array<Record<string, unknown>>)[0];
    return Object.fromEntries(Object.entries(row).map(([table, count]) => [table, Number(count)]));
  }

  close(): Promise<void> {
    return this.connection.end();
  }
}
