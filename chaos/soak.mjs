#!/usr/bin/env node
// Soak: N customers and M couriers act at random for D seconds (customers order and confirm
// deliveries, couriers read the board and pick up), every customer and courier connected to the
// realtime app. At the end four views must agree for every customer: what the API acknowledged
// (client model), GET /status, the customer's live event stream, and the database; couriers'
// streams equal the CREATED/PENDING events; statistics (API and worker aggregates) equal a
// brute-force recomputation; nothing is half-written.
//
//   npm run build && npm run chaos:soak                       # 200 customers, 20 couriers, 600 s
//   CUSTOMERS=200 COURIERS=20 DURATION_SECONDS=60 DIST=dist node chaos/soak.mjs
//
// CUSTOMER_THINK_MS (3000) and COURIER_THINK_MS (300) pace the actors. Needs the shared MariaDB
// on 127.0.0.1:3306 (a throwaway database); starts its own Redis.
import { serviceClient } from './lib/http-client.mjs';
import { auditIntegrity } from './lib/order-audit.mjs';
import { seededRandom } from './lib/order-requests.mjs';
import { PrivateRedis } from './lib/private-redis.mjs';
import { auditStreams, RealtimeListener, streamOrderStates, waitForStreams } from './lib/realtime-listener.mjs';
import { log, runScenario } from './lib/scenario.mjs';
import { auditAggregates, auditStatisticsApi, waitForWorker } from './lib/statistics-audit.mjs';
import { latencySummary, runPool } from './lib/stats.mjs';
import { connectStore, readOrders, seedCatalogue, throwawayDatabase } from './lib/store-database.mjs';
import { startStoreStack } from './lib/store-stack.mjs';
import { auditTrafficModel, StoreTraffic } from './lib/store-traffic.mjs';
import { signToken } from './lib/tokens.mjs';

const CUSTOMERS = Number(process.env.CUSTOMERS ?? 200);
const COURIERS = Number(process.env.COURIERS ?? 20);
const DURATION_MS = Number(process.env.DURATION_SECONDS ?? 600) * 1000;
const CUSTOMER_THINK_MS = Number(process.env.CUSTOMER_THINK_MS ?? 3000);
const COURIER_THINK_MS = Number(process.env.COURIER_THINK_MS ?? 300);
const SEED = Number(process.env.CHAOS_SEED ?? 7);

await runScenario('soak', { timeoutMs: DURATION_MS + 10 * 60_000 }, async ({ workDir, verdict }) => {
  const redis = await PrivateRedis.start(workDir);
  const database = throwawayDatabase('soak');
  const apps = await startStoreStack(workDir, { databaseUrl: database.url, redisUrl: redis.url });
  const db = await connectStore(database);
  const products = await seedCatalogue(db, { count: 60, categoryCount: 8 });

  const customers = Array.from({ length: CUSTOMERS }, (_, n) => `soak-customer-${n}@chaos.example`);
  const couriers = Array.from({ length: COURIERS }, (_, n) => `soak-courier-${n}@chaos.example`);
  const customerListeners = new Map(
    customers.map((email) => [email, new RealtimeListener(apps.realtime.url, signToken(email, 'customer'), email)]),
  );
  const courierListeners = couriers.map(
    (email) => new RealtimeListener(apps.realtime.url, signToken(email, 'courier'), email),
  );
  const listeners = [...customerListeners.values(), ...courierListeners];
  const connectBegan = Date.now();
  await Promise.all(listeners.map((listener) => listener.waitReady(60_000)));
  log(`${listeners.length} realtime clients ready in ${Date.now() - connectBegan} ms; soaking for ${DURATION_MS} ms`);

  const traffic = new StoreTraffic({
    customerUrl: apps.customer.url,
    courierUrl: apps.courier.url,
    products,
    customers,
    couriers,
    random: seededRandom(SEED),
    thinkMs: CUSTOMER_THINK_MS,
    courierThinkMs: COURIER_THINK_MS,
  });
  traffic.phase = 'soak';
  const progress = setInterval(() => log(`${traffic.orders.size} orders acknowledged`), 15_000);
  await traffic.run(DURATION_MS);
  clearInterval(progress);
  log('traffic stopped; waiting for the streams and the worker');

  const readEvents = async () =>
    (await db.query('SELECT id, order_id, customer_email, status FROM order_events ORDER BY id'))[0];
  const streamsMs = await waitForStreams(customerListeners, courierListeners, readEvents, 60_000);
  const workerMs = await waitForWorker(db, 60_000);
  const store = await readOrders(db);

  // Per customer: acknowledged model, GET /status, live stream, database — in order id order.
  const customerHttp = serviceClient(apps.customer.url);
  const disagreements = [];
  await runPool(customers.length, 10, async (index) => {
    const email = customers[index];
    const stored = [...store.orders.values()]
      .filter((o) => o.customer_email.toLowerCase() === email)
      .sort((a, b) => a.id - b.id);
    const status = await customerHttp.get('/status', { token: signToken(email, 'customer') });
    const fromStream = streamOrderStates(customerListeners.get(email));
    const views = {
      database: stored.map((o) => o.status).join(),
      status: (status.body?.orders ?? []).map((o) => o.status).join(),
      stream: stored.map((o) => fromStream.get(o.id) ?? '-').join(),
      acknowledged: stored.map((o) => traffic.orders.get(o.id)?.status ?? '?').join(),
    };
    if (new Set(Object.values(views)).size !== 1) disagreements.push(`${email}: ${JSON.stringify(views)}`);
  });

  const streams = auditStreams(customerListeners, courierListeners, store.events);
  const owner = serviceClient(apps.owner.url);
  const ownerToken = signToken('onlymoney@gmail.com', 'owner');
  const statisticsProblems = await auditStatisticsApi(
    db,
    (await owner.get('/product_statistics', { token: ownerToken })).body,
    (await owner.get('/category_statistics', { token: ownerToken })).body,
  );
  const aggregateProblems = await auditAggregates(db);
  const integrity = auditIntegrity(store);
  const model = auditTrafficModel(traffic, store);
  const http = traffic.summary(latencySummary);
  const failures = Object.entries(http).flatMap(([key, entry]) =>
    Object.keys(entry.statuses)
      .filter((s) => s !== '200' && !(s === '400' && key.endsWith('pick_up_order')))
      .map((s) => `${key} ${s}×${entry.statuses[s]}`),
  );
  for (const listener of listeners) listener.close();
  const byStatus = {};
  for (const order of store.orders.values()) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;

  verdict.check('every request answered 200 (pick-up races 400)', failures.length === 0, failures.join(', '));
  verdict.check(
    'model, GET /status, live stream and database agree for every customer',
    disagreements.length === 0,
    disagreements.slice(0, 3).join(' | '),
  );
  verdict.check(
    'every client received every order event',
    streamsMs !== null && streams.missing === 0,
    `missing ${streams.missing}`,
  );
  verdict.check(
    'no unexpected or mismatching event',
    streams.unexpected === 0 && streams.mismatched === 0,
    `unexpected ${streams.unexpected}, mismatched ${streams.mismatched}`,
  );
  verdict.check('events arrive in id order on each connection', streams.outOfOrder === 0, `${streams.outOfOrder}`);
  verdict.check(
    'worker aggregates equal the brute force',
    workerMs !== null && aggregateProblems.length === 0,
    aggregateProblems.slice(0, 5).join('; '),
  );
  verdict.check(
    'owner statistics equal the brute force',
    statisticsProblems.length === 0,
    statisticsProblems.join('; '),
  );
  verdict.check('orders stored as acknowledged', model.problems.length === 0, model.problems.slice(0, 5).join('; '));
  verdict.check(
    'no half-written order, orphan item or orphan event',
    integrity.length === 0,
    integrity.slice(0, 5).join('; '),
  );
  verdict.note('customers / couriers / seconds', `${CUSTOMERS} / ${COURIERS} / ${DURATION_MS / 1000}`);
  verdict.note('orders acknowledged / in database', `${traffic.orders.size} / ${store.orders.size}`);
  verdict.note('orders by final status', byStatus);
  verdict.note('order events', store.events.length);
  verdict.note('events expected / received by clients', `${streams.expected} / ${streams.received}`);
  verdict.note('duplicate deliveries (dropped by eventId)', streams.duplicates);
  verdict.note(
    'socket reconnects',
    listeners.reduce((n, l) => n + l.connects - 1, 0),
  );
  verdict.note('streams complete after traffic stopped ms', streamsMs);
  verdict.note('worker caught up after traffic stopped ms', workerMs);
  verdict.note('http', Object.fromEntries(Object.entries(http).map(([k, v]) => [k, { ...v.statuses, ms: v.ok }])));
});
