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
import { serviceClient } from '../scripts/lib/http-client.mjs';
import { seededRandom } from './lib/order-requests.mjs';
import { PrivateRedis } from '../scripts/lib/private-redis.mjs';
import {
  checkRealtimeStreams,
  connectRealtimeClients,
  noteRealtimeStreams,
  streamOrderStates,
} from '../scripts/lib/realtime-listener.mjs';
import { log, runScenario } from './lib/scenario.mjs';
import { waitForWorker } from '../scripts/lib/statistics-audit.mjs';
import { latencySummary, runPool } from '../scripts/lib/stats.mjs';
import { connectStore, readOrders, seedCatalogue, throwawayDatabase } from '../scripts/lib/store-database.mjs';
import { auditStoreInvariants, checkStoreInvariants, waitForStoreStreams } from './lib/store-invariants.mjs';
import { startStoreStack } from './lib/store-stack.mjs';
import { checkTrafficStatuses, StoreTraffic } from './lib/store-traffic.mjs';
import { signToken } from '../scripts/lib/tokens.mjs';

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
  const connectBegan = Date.now();
  const clients = await connectRealtimeClients(apps.realtime.url, { customers, couriers, readyTimeoutMs: 60_000 });
  log(`${clients.all.length} realtime clients ready in ${Date.now() - connectBegan} ms; soaking for ${DURATION_MS} ms`);

  const traffic = StoreTraffic.onStack(apps, {
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

  const streamsMs = await waitForStoreStreams(db, clients, 60_000);
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
    const fromStream = streamOrderStates(clients.customers.get(email));
    const views = {
      database: stored.map((o) => o.status).join(),
      status: (status.body?.orders ?? []).map((o) => o.status).join(),
      stream: stored.map((o) => fromStream.get(o.id) ?? '-').join(),
      acknowledged: stored.map((o) => traffic.orders.get(o.id)?.status ?? '?').join(),
    };
    if (new Set(Object.values(views)).size !== 1) disagreements.push(`${email}: ${JSON.stringify(views)}`);
  });

  const audit = await auditStoreInvariants({ db, apps, store, clients, traffic });
  const http = traffic.summary(latencySummary);
  for (const listener of clients.all) listener.close();
  const byStatus = {};
  for (const order of store.orders.values()) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;

  checkTrafficStatuses(verdict, 'every request answered 200 (pick-up races 400)', http);
  verdict.check(
    'model, GET /status, live stream and database agree for every customer',
    disagreements.length === 0,
    disagreements.slice(0, 3).join(' | '),
  );
  checkRealtimeStreams(verdict, audit.streams, {
    receivedCheck: 'every client received every order event',
    complete: streamsMs !== null,
    inOrder: true,
  });
  checkStoreInvariants(verdict, audit, {
    workerCheck: 'worker aggregates equal the brute force',
    workerCaughtUp: workerMs !== null,
  });
  verdict.note('customers / couriers / seconds', `${CUSTOMERS} / ${COURIERS} / ${DURATION_MS / 1000}`);
  verdict.note('orders acknowledged / in database', `${traffic.orders.size} / ${store.orders.size}`);
  verdict.note('orders by final status', byStatus);
  verdict.note('order events', store.events.length);
  noteRealtimeStreams(verdict, audit.streams, clients.all);
  verdict.note('streams complete after traffic stopped ms', streamsMs);
  verdict.note('worker caught up after traffic stopped ms', workerMs);
  verdict.note('http', Object.fromEntries(Object.entries(http).map(([k, v]) => [k, { ...v.statuses, ms: v.ok }])));
});
