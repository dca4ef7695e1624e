#!/usr/bin/env node
// Statistics load benchmark (ADR 0004). Needs `npm run build`, MariaDB and Redis.
//   node bench/statistics-load.mjs            full size: 10,000 products, 100,000 orders, 1,000,000 items
//   SCALE=0.1 node bench/statistics-load.mjs  10 % of that (what a shared machine can afford)
// Seeds the store directly with multi-row INSERTs (each order with its CREATED event, as the order
// service writes it), then measures with the built worker and owner processes:
//   1. worker catch-up of every seeded event (target: 100,000 events ≤ 60 s, ≥ 2,000 events/s);
//   2. catch-up of PENDING + COMPLETE events for 10 % of the orders (category deltas);
//   3. p99 of GET /product_statistics and /category_statistics at c=20 (autocannon; target ≤ 30 ms).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';

const SCALE = Number(process.env.SCALE ?? 1);
const PRODUCTS = Math.round(10_000 * SCALE);
const ORDERS = Math.round(100_000 * SCALE);
const ITEMS_PER_ORDER = 10;
const CATEGORIES = 100;
const DURATION_S = Number(process.env.DURATION ?? 10);
const CHUNK = 5_000;
const DATABASE = 'shopwire_bench_statistics';
const SERVER = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  JWT_SECRET: SECRET,
  HOST: '127.0.0.1',
  STORE_DATABASE_URL: `mysql://root@127.0.0.1:3306/${DATABASE}`,
  BULLMQ_PREFIX: 'bench-statistics',
};
const children = [];

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(what, condition, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startApp(app, portVariable) {
  const port = await freePort();
  const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
    env: { ...env, [portVariable]: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${app} ready`, async () => (await fetch(`${url}/health/ready`)).status === 200, 120_000);
  return url;
}

async function insertRows(db, table, columns, rows) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [rows.slice(i, i + CHUNK)]);
  }
}

async function seed(db) {
  const categoryRows = Array.from({ length: CATEGORIES }, (_, c) => [c + 1, `Category ${c}`]);
  await insertRows(db, 'categories', 'id, name', categoryRows);
  const productRows = Array.from({ length: PRODUCTS }, (_, p) => [p + 1, `Product ${p}`, 1 + (p % 50) / 4]);
  await insertRows(db, 'products', 'id, name, price', productRows);
  const links = productRows.flatMap(([id]) => {
    const first = (id % CATEGORIES) + 1;
    const second = ((id * 7) % CATEGORIES) + 1;
    return first === second
      ? [[id, first]]
      : [
          [id, first],
          [id, second],
        ];
  });
  await insertRows(db, 'product_categories', 'product_id, category_id', links);

  for (let start = 0; start < ORDERS; start += CHUNK) {
    const count = Math.min(CHUNK, ORDERS - start);
    const orders = [];
    const items = [];
    const events = [];
    for (let n = start; n < start + count; n++) {
      const id = n + 1;
      const email = `customer${n % 1000}@example.org`;
      orders.push([id, email, 'CREATED', 0, new Date()]);
      const base = (n * 13) % PRODUCTS;
      for (let k = 0; k < ITEMS_PER_ORDER; k++) items.push([id, ((base + k) % PRODUCTS) + 1, 1 + (n % 5), 1.5]);
      events.push([id, email, 'CREATED', new Date()]);
    }
    await db.query('INSERT INTO orders (id, customer_email, status, total, created_at) VALUES ?', [orders]);
    await insertRows(db, 'order_items', 'order_id, product_id, quantity, unit_price', items);
    await db.query('INSERT INTO order_events (order_id, customer_email, status, occurred_at) VALUES ?', [events]);
  }
}

/** PENDING then COMPLETE for every 10th order, with their events. */
async function completeTenth(db) {
  await db.query(`UPDATE orders SET status = 'COMPLETE', courier_email = 'courier@example.org' WHERE id % 10 = 0`);
  for (const status of ['PENDING', 'COMPLETE']) {
    await db.query(
      `INSERT INTO order_events (order_id, customer_email, status, courier_email, occurred_at)
       SELECT id, customer_email, ?, courier_email, UTC_TIMESTAMP(3) FROM orders WHERE id % 10 = 0 ORDER BY id`,
      [status],
    );
  }
}

async function unapplied(db) {
  const [[row]] = await db.query('SELECT COUNT(*) AS n FROM order_events WHERE stats_applied = 0');
  return Number(row.n);
}

/** Waits until every event is applied; `started` is when the events became available. */
async function catchUp(db, label, started = performance.now()) {
  const events = await unapplied(db);
  await waitFor(`${label} catch-up`, async () => (await unapplied(db)) === 0);
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds: Number(seconds.toFixed(2)), eventsPerSecond: Math.round(events / seconds) };
}

async function load(url, path) {
  const nbf = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ sub: 'onlymoney@gmail.com', roles: 'owner', type: 'access', nbf, exp: nbf + 3600 }, SECRET, {
    noTimestamp: true,
  });
  const result = await autocannon({
    url: url + path,
    connections: 20,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    path,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    non2xx: result.non2xx,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  };
}

async function main() {
  for (const app of ['owner', 'worker']) {
    if (!existsSync(`dist/apps/${app}/src/main.js`)) throw new Error(`dist/apps/${app} missing: run npm run build`);
  }
  const admin = await mysql.createConnection(SERVER);
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.end();
  const ownerUrl = await startApp('owner', 'OWNER_PORT'); // creates and migrates the database
  const db = await mysql.createConnection({ ...SERVER, database: DATABASE, timezone: 'Z' });

  let started = performance.now();
  await seed(db);
  const seedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));

  // The worker's boot is reported apart: the clock of the catch-up starts at its first batch.
  started = performance.now();
  const seededEvents = await unapplied(db);
  await startApp('worker', 'WORKER_PORT');
  await waitFor('the first batch', async () => (await unapplied(db)) < seededEvents);
  const bootSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  const created = { seededEvents, bootSeconds, ...(await catchUp(db, 'CREATED events')) };

  await completeTenth(db);
  // As the order services do after commit: nudge the worker (otherwise it waits for its scheduler).
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await redis.publish('shopwire:order-events', '0');
  redis.disconnect();
  const completed = await catchUp(db, 'PENDING/COMPLETE events');
  const endpoints = [await load(ownerUrl, '/product_statistics'), await load(ownerUrl, '/category_statistics')];

  console.log(
    JSON.stringify(
      {
        scale: SCALE,
        seeded: { products: PRODUCTS, orders: ORDERS, items: ORDERS * ITEMS_PER_ORDER, seconds: seedSeconds },
        catchUp: { created, completed },
        endpoints,
        targets: { catchUp100kEventsSeconds: 60, eventsPerSecond: 2000, p99ms: 30 },
      },
      null,
      2,
    ),
  );
  await db.end();
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${env.BULLMQ_PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  if (!process.env.KEEP_DB) {
    const admin = await mysql.createConnection(SERVER);
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.end();
  }
}
