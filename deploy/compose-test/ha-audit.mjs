// What `npm run compose:ha-test` checks once a fault has passed and the store has settled (traffic
// paused): nothing acknowledged is lost, no Idempotency-Key ordered twice, every connected socket
// has every committed event (after its reconnect and replay), and the statistics equal a recount.
import mysql from 'mysql2/promise';
import { auditAggregates, auditStatisticsApi, waitForWorker } from '../../scripts/lib/statistics-audit.mjs';
import { auditStreams, waitForStreams } from '../../scripts/lib/realtime-listener.mjs';
import { call } from '../../scripts/lib/http-client.mjs';
import { readOrderEvents } from '../../scripts/lib/store-database.mjs';
import { orderSignature } from './ha-traffic.mjs';

/** The store database through the stack's own proxy (`store-db`), on the network the run created. */
export async function storeDatabase(stack) {
  const [proxy] = await stack.containers('store-db');
  const pool = mysql.createPool({
    host: await stack.address(proxy, 'store'),
    port: 3306,
    user: 'shopwire_store',
    password: stack.env.STORE_DB_PASSWORD,
    database: 'shopwire_store',
    connectionLimit: 2,
    supportBigNumbers: true,
    decimalNumbers: true,
    dateStrings: true,
  });
  // Every statement here is a read, so one that lost its connection is simply sent again: the
  // proxy cuts a pooled connection when its node goes down, and again when the node it was moved
  // to is a backup and the first one comes back (a CI run lost the statistics wait this way).
  const read = (options, params) => pool.query(options, params).catch(() => pool.query(options, params));
  return {
    query: read,
    /** Column `column` of the first row. */
    async scalar(sql, column) {
      const [rows] = await read({ sql, rowsAsArray: true });
      return rows[0]?.[column];
    },
    end: () => pool.end(),
  };
}

export async function settleAndAudit({ db, traffic, stack, ownerToken }) {
  await traffic.pause();
  try {
    const acked = [...traffic.logical.flatMap((order) => order.acked), ...traffic.probeOrders];
    const stored = new Set();
    for (let i = 0; i < acked.length; i += 1000) {
      const [rows] = await db.query('SELECT id FROM orders WHERE id IN (?)', [acked.slice(i, i + 1000)]);
      for (const row of rows) stored.add(Number(row.id));
    }
    const lost = acked.filter((id) => !stored.has(Number(id))).length;

    // Each logical order's items identify it: two stored orders with one signature and customer = a
    // second order for one Idempotency-Key; one key answered with two ids, likewise.
    const [items] = await db.query(
      `SELECT o.id, o.customer_email AS email, GROUP_CONCAT(i.product_id, ':', i.quantity ORDER BY i.product_id) AS items
         FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id`,
    );
    const signature = (email, requests) => `${email.toLowerCase()} ${[...requests].sort((a, b) => a.id - b.id).map((r) => `${r.id}:${r.quantity}`).join(',')}`;
    const storedBySignature = new Map();
    for (const row of items) storedBySignature.set(`${row.email.toLowerCase()} ${row.items}`, (storedBySignature.get(`${row.email.toLowerCase()} ${row.items}`) ?? 0) + 1);
    const secondOrders = traffic.logical.filter((order) => (storedBySignature.get(signature(order.customer, orderSignature(order.k, traffic.products))) ?? 0) > 1).length
      + traffic.logical.filter((order) => new Set(order.acked).size > 1).length;

    const listeners = { customers: traffic.customerListeners, couriers: traffic.courierListeners };
    const streamsMs = await waitForStreams(listeners.customers, listeners.couriers, () => readOrderEvents(db), 120_000);
    const streams = auditStreams(listeners.customers, listeners.couriers, await readOrderEvents(db));
    const workerMs = await waitForWorker(db, 60_000);
    const [products, categories] = await Promise.all([
      call('GET', `${stack.urls.owner}/product_statistics`, { token: ownerToken }),
      call('GET', `${stack.urls.owner}/category_statistics`, { token: ownerToken }),
    ]);
    const statistics = [...(await auditAggregates(db)), ...(await auditStatisticsApi(db, products.body, categories.body))];
    return { acked: acked.length, lost, secondOrders, streams, streamsMs, workerMs, statistics };
  } finally {
    traffic.resume();
  }
}
