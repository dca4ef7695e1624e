#!/usr/bin/env node
// Statistics load benchmark (ADR 0004). Needs the build, MariaDB and Redis. Full size: 10,000
// products, 100,000 orders, 1,000,000 items; SCALE=0.1 is 10 % of that (what a shared machine can
// afford). Seeds a throwaway store directly with multi-row INSERTs (each order with its CREATED
// event, as the order service writes it), then measures with the built worker and owner processes
// (NODE_ENV=production):
//   1. worker catch-up of every seeded event (target: 100,000 events ≤ 60 s, ≥ 2,000 events/s);
//   2. catch-up of PENDING + COMPLETE events for 10 % of the orders (category deltas);
//   3. p99 of GET /product_statistics and /category_statistics at c=20 (wrk, else autocannon; target ≤ 30 ms).
// Prints the numbers as JSON, then as markdown rows.
// Usage: [SCALE=1] [DURATION=10] [DIST=dist] [REDIS_URL=redis://127.0.0.1:6379] [KEEP_DB=1] [BENCH_TIMEOUT] node bench/statistics-load.mjs
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { ORDER_EVENTS_CHANNEL } from '../dist/libs/contracts/src/index.js';
import { connectStore } from '../scripts/lib/store-database.mjs';
import { benchDatabase, envNumber, onCleanup, runBench, signToken, waitFor } from './lib/harness.mjs';
import { load } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const SCALE = envNumber('SCALE', 1);
const PRODUCTS = Math.round(10_000 * SCALE);
const ORDERS = Math.round(100_000 * SCALE);
const ITEMS_PER_ORDER = 10;
const CATEGORIES = 100;
const DURATION_S = envNumber('DURATION', 10);
const CHUNK = 5_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** NODE_ENV=production refuses the development secret (and any under 32 bytes). */
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';
const CATCH_UP_TIMEOUT_MS = 600_000;

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
  await waitFor(`${label} catch-up`, async () => (await unapplied(db)) === 0, { timeoutMs: CATCH_UP_TIMEOUT_MS });
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds: Number(seconds.toFixed(2)), eventsPerSecond: Math.round(events / seconds) };
}

async function endpoint(url, path) {
  const token = signToken('onlymoney@gmail.com', 'owner', SECRET);
  const r = await load({
    url: url + path,
    connections: 20,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    path,
    generator: r.generator,
    requestsPerSecond: r.reqPerSec,
    p50ms: r.p50,
    p99ms: r.p99,
    non2xx: r.non2xx,
    bytesPerResponse: r.bytesPerResponse,
  };
}

const timeoutSeconds = 300 + 2 * DURATION_S + Math.ceil(1500 * SCALE);
await runBench('statistics-load', { timeoutSeconds }, async ({ startApp }) => {
  const database = benchDatabase('statistics');
  const bullmqPrefix = `bench-statistics-${randomBytes(3).toString('hex')}`;
  onCleanup(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    const keys = await redis.keys(`${bullmqPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  const env = {
    NODE_ENV: 'production',
    JWT_SECRET: SECRET,
    STORE_DATABASE_URL: database.url,
    REDIS_URL,
    BULLMQ_PREFIX: bullmqPrefix,
  };
  const owner = await startApp('owner', env); // creates and migrates the database
  const db = await connectStore(database, { timezone: 'Z' });

  let started = performance.now();
  await seed(db);
  const seedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));

  // The worker's boot is reported apart: the clock of the catch-up starts at its first batch.
  started = performance.now();
  const seededEvents = await unapplied(db);
  await startApp('worker', env);
  await waitFor('the first batch', async () => (await unapplied(db)) < seededEvents, {
    timeoutMs: CATCH_UP_TIMEOUT_MS,
  });
  const bootSeconds = Number(((performance.now() - started) / 1000).toFixed(2));
  const created = { seededEvents, bootSeconds, ...(await catchUp(db, 'CREATED events')) };

  await completeTenth(db);
  // As the order services do after commit: nudge the worker (otherwise it waits for its scheduler).
  const redis = new Redis(REDIS_URL);
  await redis.publish(ORDER_EVENTS_CHANNEL, '0');
  redis.disconnect();
  const completed = await catchUp(db, 'PENDING/COMPLETE events');
  const endpoints = [
    await endpoint(owner.url, '/product_statistics'),
    await endpoint(owner.url, '/category_statistics'),
  ];

  const seeded = { products: PRODUCTS, orders: ORDERS, items: ORDERS * ITEMS_PER_ORDER, seconds: seedSeconds };
  const targets = { catchUp100kEventsSeconds: 60, eventsPerSecond: 2000, p99ms: 30 };
  console.log(JSON.stringify({ scale: SCALE, seeded, catchUp: { created, completed }, endpoints, targets }, null, 2));

  const size = `${ORDERS.toLocaleString('en')} orders, ${(ORDERS * ITEMS_PER_ORDER).toLocaleString('en')} items`;
  printTable(
    ['catch-up', 'events:', 'seconds:', 'events/s:', 'worker boot s:'],
    [
      [`CREATED (${size})`, created.events, created.seconds, created.eventsPerSecond, created.bootSeconds],
      ['PENDING + COMPLETE (10 % of orders)', completed.events, completed.seconds, completed.eventsPerSecond, ''],
    ],
  );
  console.log();
  printTable(
    ['endpoint (c=20)', 'generator', 'req/s:', 'p50 ms:', 'p99 ms:', 'non-2xx:', 'bytes/response:'],
    endpoints.map((e) => [e.path, e.generator, e.requestsPerSecond, e.p50ms, e.p99ms, e.non2xx, e.bytesPerResponse]),
  );
});
