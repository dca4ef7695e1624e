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
import { seededRandom } from './lib/order-requests.mjs';
import { PrivateRedis } from '../scripts/lib/private-redis.mjs';
import {
  checkRealtimeStreams,
  connectRealtimeClients,
  noteRealtimeStreams,
} from '../scripts/lib/realtime-listener.mjs';
import { log, runScenario } from './lib/scenario.mjs';
import { waitForWorker } from '../scripts/lib/statistics-audit.mjs';
import { latencySummary } from '../scripts/lib/stats.mjs';
import { connectStore, readOrders, seedCatalogue, throwawayDatabase } from '../scripts/lib/store-database.mjs';
import { auditStoreInvariants, checkStoreInvariants, waitForStoreStreams } from './lib/store-invariants.mjs';
import { startStoreStack } from './lib/store-stack.mjs';
import { checkTrafficStatuses, StoreTraffic } from './lib/store-traffic.mjs';

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
  const clients = await connectRealtimeClients(apps.realtime.url, {
    customers: customerEmails,
    couriers: courierEmails,
  });

  const traffic = StoreTraffic.onStack(apps, {
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
  const streamsCompleteMs = await waitForStoreStreams(db, clients, 30_000);

  traffic.phase = 'after';
  log(`phase after: ${PHASE_MS} ms of traffic with Redis back`);
  await traffic.run(PHASE_MS);
  const streamsAfterMs = await waitForStoreStreams(db, clients, 30_000);
  const finalWorkerMs = await waitForWorker(db, CATCH_UP_BOUND_MS);

  const store = await readOrders(db);
  const audit = await auditStoreInvariants({ db, apps, store, clients, traffic });
  const http = traffic.summary(latencySummary);
  const outageOrders = http['outage POST /order']?.statuses ?? {};
  for (const listener of clients.all) listener.close();

  verdict.check('orders were placed during the outage', (outageOrders['200'] ?? 0) > 0, `${outageOrders['200'] ?? 0}`);
  checkTrafficStatuses(verdict, 'every request during the outage succeeded (pick-up races excepted)', http, {
    phase: 'outage',
  });
  checkRealtimeStreams(verdict, audit.streams, {
    receivedCheck: 'every realtime client received every order event after Redis returned',
    complete: streamsCompleteMs !== null,
    inOrder: true,
  });
  verdict.check(
    'the worker resumed by itself after Redis returned (no traffic)',
    workerCatchUpMs !== null,
    `${workerCatchUpMs} ms`,
  );
  checkStoreInvariants(verdict, audit, {
    workerCheck: 'worker aggregates equal the brute force (no duplicate aggregation)',
    workerCaughtUp: finalWorkerMs !== null,
    requireOwner200: true,
  });
  verdict.note('orders acknowledged', traffic.orders.size);
  verdict.note('orders in database', store.orders.size);
  verdict.note('order events in database (at Redis restore)', `${store.events.length} (${eventsAtRestore})`);
  noteRealtimeStreams(verdict, audit.streams, clients.all);
  verdict.note('Redis outage ms', outageMs);
  verdict.note('events not in aggregates at restore', Number(unappliedAtRestore));
  verdict.note('worker catch-up after restore ms (quiet)', workerCatchUpMs);
  verdict.note('streams complete after restore ms', streamsCompleteMs);
  verdict.note('streams complete after last phase ms', streamsAfterMs);
  verdict.note('http by phase', http);
});
