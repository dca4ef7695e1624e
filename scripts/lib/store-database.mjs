// Direct SQL access to a scenario's throwaway store database: naming and dropping it, seeding a
// catalogue, and reading back everything the invariant checks compare with what clients saw.
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { readOrderEvents as readSharedOrderEvents } from '../../libs/testing/src/plain/order-events.mjs';
import { onCleanup } from './lifecycle.mjs';

/**
 * A fresh database name on `server` ({host, port}); the apps create and migrate it at boot. It is
 * dropped at the end unless `keep` (then its name is printed).
 */
export function throwawayDatabase(
  label,
  server = { host: '127.0.0.1', port: 3306 },
  { prefix = 'sw_chaos', keep = false } = {},
) {
  const name = `${prefix}_${label}_${randomBytes(4).toString('hex')}`;
  const url = `mysql://root@${server.host}:${server.port}/${name}`;
  onCleanup(async () => {
    if (keep) return console.error(`kept database ${name}`);
    const admin = await mysql.createConnection({ ...server, user: 'root', connectTimeout: 3000 });
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  });
  return { name, url, server };
}

/** A small pool on the database; `options` (e.g. `timezone`) extend the mysql2 pool settings. */
export async function connectStore({ name, server }, options = {}) {
  const pool = mysql.createPool({
    ...server,
    user: 'root',
    database: name,
    connectionLimit: 4,
    supportBigNumbers: true,
    decimalNumbers: true,
    dateStrings: true,
    ...options,
  });
  onCleanup(() => pool.end());
  return pool;
}

/**
 * Inserts `count` products (each in one or two of `categoryCount` categories, plus categories no
 * product uses, which statistics must still list) and returns their ids and prices.
 */
export async function seedCatalogue(db, { count = 40, categoryCount = 6 } = {}) {
  const categoryIds = [];
  for (let c = 0; c < categoryCount + 1; c++) {
    const [row] = await db.query('INSERT INTO categories (name) VALUES (?)', [`Chaos category ${c}`]);
    categoryIds.push(row.insertId);
  }
  const products = [];
  for (let n = 0; n < count; n++) {
    const price = Math.round((0.5 + ((n * 37) % 200) / 10) * 100) / 100;
    const [row] = await db.query('INSERT INTO products (name, price) VALUES (?, ?)', [`Chaos product ${n}`, price]);
    const categories = new Set([categoryIds[n % categoryCount], categoryIds[(n * 7 + 3) % categoryCount]]);
    for (const categoryId of categories) {
      await db.query('INSERT INTO product_categories (product_id, category_id) VALUES (?, ?)', [
        row.insertId,
        categoryId,
      ]);
    }
    products.push({ id: row.insertId, price });
  }
  return products;
}

/** The order_events rows the realtime streams are compared with, in id order (camelCase, as @shopwire/testing's). */
export const readOrderEvents = (db) =>
  readSharedOrderEvents(async (sql, parameters) => (await db.query(sql, parameters))[0]);

/** Every order with its items and events, keyed by order id, plus the whole event log. */
export async function readOrders(db) {
  const [orders] = await db.query('SELECT id, customer_email, status, total, courier_email FROM orders ORDER BY id');
  const [items] = await db.query('SELECT order_id, product_id, quantity, unit_price FROM order_items');
  const events = await readOrderEvents(db);
  const byId = new Map(orders.map((order) => [order.id, { ...order, items: [], events: [] }]));
  const orphans = { items: 0, events: 0 };
  for (const item of items) {
    const order = byId.get(item.order_id);
    if (order) order.items.push(item);
    else orphans.items++;
  }
  for (const event of events) {
    const order = byId.get(event.orderId);
    if (order) order.events.push(event);
    else orphans.events++;
  }
  return { orders: byId, events, orphans };
}
