#!/usr/bin/env node
// Chaos: Redis dies (SIGKILL, no persistence: it comes back EMPTY) while customers order, couriers
// pick up and customers confirm deliveries, then returns. Verdict: HTTP kept serving through the
// outage; every realtime client (customers + couriers) received every order event of the
// order_events table exactly as stored; the statistics worker resumed by itself (quiet period
// after the restart, no new traffic) and its aggregates equal a brute-force recomputation (an
// event applied twice or never would show); the owner API equals the brute force too.
//
//   npm run build && npm run chaos:redis-restart
//   PHASE_SECONDS=6 CUSTOMERS=6 COURIERS=2 CHAOS_SEED=7 DIST=dist node chaos/redis-restart.mjs
//
// Needs the shared MariaDB on 127.0.0.1:3306 (a throwaway database); starts its own Redis.
import { serviceClient } from './lib/http-client.mjs';
import { auditIntegrity } from './lib/order-audit.mjs';
import { seededRandom } from './lib/order-requests.mjs';
import { PrivateRedis } from './lib/private-redis.mjs';
import { auditStreams, RealtimeListener, waitForStreams } from './lib/realtime-listener.mjs';
import { log, runScenario } from './lib/scenario.mjs';
import { auditAggregates, auditStatisticsApi, waitForWorker } from './lib/statistics-audit.mjs';
import { latencySummary } from './lib/stats.mjs';
import { connectStore, readOrders, seedCatalogue, throwawayDatabase } from './lib/store-database.mjs';
import { startStoreStack } from './lib/store-stack.mjs';
import { auditTrafficModel, StoreTraffic } from './lib/store-traffic.mjs';
import { signToken } from './lib/tokens.mjs';

const PHASE_MS = Number(process.env.PHASE_SECONDS ?? 6) * 1000;
const CUSTOMERS = Number(process.env.CUSTOMERS ?? 6);
const COURIERS = Number(process.env.COURIERS ?? 2);
const SEED = Number(process.env.CHAOS_SEED ?? 7);
const CATCH_UP_BOUND_MS = 60_000;

await runScenario('redis-restart', { timeoutMs: 10 * 60_000 }, async ({ workDir, verdict }) => {
  const redis = await PrivateRedis.start(workDir);
  const database = throwawayDatabase('redis');
  const apps = await startStoreStack(workDir, { databaseUrl: database.url, redisUrl: redis.url });
  log(
    `store apps ready: ${Object.values(apps)
      .map((app) => `${app.name}:${app.port}`)
      .join(' ')}`,
  );
  const db = await connectStore(database);
  const products = await seedCatalogue(db);

  const customerEmails = Array.from({ length: CUSTOMERS }, (_, n) => `redis-customer-${n}@chaos.example`);
  const courierEmails = Array.from({ length: COURIERS }, (_, n) => `redis-courier-${n}@chaos.example`);
  const customerListeners = new Map(
    customerEmails.map((email) => [
      email,
      new RealtimeListener(apps.realtime.url, signToken(email, 'customer'), email),
    ]),
  );
  const courierListeners = courierEmails.map(
    (email) => new RealtimeListener(apps.realtime.url, signToken(email, 'courier'), email),
  );
  const listeners = [...customerListeners.values(), ...courierListeners];
  await Promise.all(listeners.map((listener) => listener.waitReady()));

  const traffic = new StoreTraffic({
    customerUrl: apps.customer.url,
    courierUrl: apps.courier.url,
    products,
    customers: customerEmails,
    couriers: courierEmails,
    random: seededRandom(SEED),
    thinkMs: 100,
  });
  traffic.phase = 'before';
  log(`phase before: ${PHASE_MS} ms of traffic with Redis up`);
  await traffic.run(PHASE_MS);

  traffic.phase = 'outage';
  await redis.kill();
  const outageBegan = Date.now();
  log(`Redis killed; phase outage: ${PHASE_MS} ms of traffic`);
  await traffic.run(PHASE_MS);
  const [[{ n: eventsAtRestore }]] = await db.query('SELECT COUNT(*) AS n FROM order_events');
  const [[{ n: unappliedAtRestore }]] = await db.query(
    'SELECT COUNT(*) AS n FROM order_events WHERE stats_applied = 0',
  );
  await redis.restart();
  const outageMs = Date.now() - outageBegan;
  log(
    `Redis back (empty) after ${outageMs} ms; ${unappliedAtRestore} events not yet in the aggregates; no traffic now`,
  );

  // Quiet period: nothing nudges the worker now; it must resume on its own.
  const workerCatchUpMs = await waitForWorker(db, CATCH_UP_BOUND_MS);
  log(`worker caught up ${workerCatchUpMs === null ? 'NEVER' : `after ${workerCatchUpMs} ms`}`);
  const readEvents = async () =>
    (await db.query('SELECT id, order_id, customer_email, status FROM order_events ORDER BY id'))[0];
  const streamsCompleteMs = await waitForStreams(customerListeners, courierListeners, readEvents, 30_000);

  traffic.phase = 'after';
  log(`phase after: ${PHASE_MS} ms of traffic with Redis back`);
  await traffic.run(PHASE_MS);
  const streamsAfterMs = await waitForStreams(customerListeners, courierListeners, readEvents, 30_000);
  const finalWorkerMs = await waitForWorker(db, CATCH_UP_BOUND_MS);

  const store = await readOrders(db);
  const streams = auditStreams(customerListeners, courierListeners, store.events);
  const owner = serviceClient(apps.owner.url);
  const ownerToken = signToken('onlymoney@gmail.com', 'owner');
  const productStatistics = await owner.get('/product_statistics', { token: ownerToken });
  const categoryStatistics = await owner.get('/category_statistics', { token: ownerToken });
  const statisticsProblems = await auditStatisticsApi(db, productStatistics.body, categoryStatistics.body);
  const aggregateProblems = await auditAggregates(db);
  const integrity = auditIntegrity(store);
  const model = auditTrafficModel(traffic, store);
  const http = traffic.summary(latencySummary);
  const outageOrders = http['outage POST /order']?.statuses ?? {};
  const outageFailures = Object.entries(http)
    .filter(([key]) => key.startsWith('outage'))
    .flatMap(([key, entry]) =>
      Object.entries(entry.statuses)
        .filter(([s]) => s !== '200' && !(key.endsWith('pick_up_order') && s === '400'))
        .map(([s, n]) => `${key} ${s}×${n}`),
    );
  for (const listener of listeners) listener.close();

  verdict.check('orders were placed during the outage', (outageOrders['200'] ?? 0) > 0, `${outageOrders['200'] ?? 0}`);
  verdict.check(
    'every request during the outage succeeded (pick-up races excepted)',
    outageFailures.length === 0,
    outageFailures.join(', '),
  );
  verdict.check(
    'every realtime client received every order event after Redis returned',
    streamsCompleteMs !== null && streams.missing === 0,
    `missing ${streams.missing}`,
  );
  verdict.check(
    'no unexpected or mismatching event',
    streams.unexpected === 0 && streams.mismatched === 0,
    `unexpected ${streams.unexpected}, mismatched ${streams.mismatched}`,
  );
  verdict.check('events arrive in id order on each connection', streams.outOfOrder === 0, `${streams.outOfOrder}`);
  verdict.check(
    'the worker resumed by itself after Redis returned (no traffic)',
    workerCatchUpMs !== null,
    `${workerCatchUpMs} ms`,
  );
  verdict.check(
    'worker aggregates equal the brute force (no duplicate aggregation)',
    finalWorkerMs !== null && aggregateProblems.length === 0,
    aggregateProblems.slice(0, 5).join('; '),
  );
  verdict.check(
    'owner statistics equal the brute force',
    productStatistics.status === 200 && statisticsProblems.length === 0,
    statisticsProblems.join('; '),
  );
  verdict.check('orders stored as acknowledged', model.problems.length === 0, model.problems.slice(0, 5).join('; '));
  verdict.check(
    'no half-written order, orphan item or orphan event',
    integrity.length === 0,
    integrity.slice(0, 5).join('; '),
  );
  verdict.note('orders acknowledged', traffic.orders.size);
  verdict.note('orders in database', store.orders.size);
  verdict.note('order events in database (at Redis restore)', `${store.events.length} (${eventsAtRestore})`);
  verdict.note('events expected / received by clients', `${streams.expected} / ${streams.received}`);
  verdict.note('duplicate deliveries (dropped by eventId)', streams.duplicates);
  verdict.note(
    'socket reconnects',
    listeners.reduce((n, l) => n + l.connects - 1, 0),
  );
  verdict.note('Redis outage ms', outageMs);
  verdict.note('events not in aggregates at restore', Number(unappliedAtRestore));
  verdict.note('worker catch-up after restore ms (quiet)', workerCatchUpMs);
  verdict.note('streams complete after restore ms', streamsCompleteMs);
  verdict.note('streams complete after last phase ms', streamsAfterMs);
  verdict.note('http by phase', http);
});
