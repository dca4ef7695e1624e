#!/usr/bin/env node
// Chaos: `kill -9` the customer service in the middle of an order load, restart it, continue.
// Verdict: every order answered 200 exists exactly once, under its id, with the items sent; an
// order whose answer was lost is either absent or whole (items, total, its CREATED event); no
// orphan items or events; every retried (Idempotency-Key) order ends acknowledged exactly once.
//
//   npm run build && npm run chaos:kill-store
//   ORDERS=4000 CONCURRENCY=20 CHAOS_SEED=7 DIST=dist node chaos/kill-store-service.mjs
//
// Half of the orders carry an Idempotency-Key and are retried (connection error, 503, 409) until
// acknowledged; the other half are sent once, as a client without the extension would.
// Needs the shared MariaDB on 127.0.0.1:3306 (a throwaway database) and starts its own Redis.
import { serviceClient } from '../scripts/lib/http-client.mjs';
import { auditAttempts, auditIntegrity, checkNothingHalfWritten } from './lib/order-audit.mjs';
import { randomOrderRequests, seededRandom } from './lib/order-requests.mjs';
import { sleep } from '../scripts/lib/ports.mjs';
import { PrivateRedis } from '../scripts/lib/private-redis.mjs';
import { log, runScenario } from './lib/scenario.mjs';
import { ShopwireApp } from '../scripts/lib/shopwire-app.mjs';
import { latencySummary, runPool } from '../scripts/lib/stats.mjs';
import { connectStore, readOrders, seedCatalogue, throwawayDatabase } from '../scripts/lib/store-database.mjs';
import { signToken } from '../scripts/lib/tokens.mjs';

const ORDERS = Number(process.env.ORDERS ?? 4000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const SEED = Number(process.env.CHAOS_SEED ?? 7);
const RETRY_PAUSE_MS = 200;
const MAX_TRIES = 75; // × RETRY_PAUSE_MS ≈ 15 s: a restart plus the in-flight key timeout

await runScenario('kill-store-service', { timeoutMs: 10 * 60_000 }, async ({ workDir, verdict }) => {
  const redis = await PrivateRedis.start(workDir);
  const database = throwawayDatabase('kill');
  const customer = await ShopwireApp.start(
    'customer',
    {
      STORE_DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      // A claim left IN_FLIGHT by the killed process is taken over after this, not after 60 s.
      IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS: '3',
    },
    workDir,
  );
  const db = await connectStore(database);
  const products = await seedCatalogue(db);
  const prices = new Map(products.map((product) => [product.id, product.price]));
  const random = seededRandom(SEED);
  const attempts = Array.from({ length: ORDERS }, (_, n) => ({
    email: `kill-${n}@chaos.example`,
    requests: randomOrderRequests(random, products),
    keyed: n % 2 === 0,
  }));

  const client = serviceClient(customer.url);
  const statuses = {};
  const latencies = [];
  let sent = 0;
  let acknowledged = 0;
  let inFlight = 0;
  const outage = { killedAt: 0, inFlightAtKill: 0, readyMs: 0, firstOkAfterKillMs: 0 };
  let killing;

  const killAndRestart = async () => {
    outage.inFlightAtKill = inFlight;
    outage.killedAt = Date.now();
    log(`kill -9 customer (pid ${customer.pid}) with ${inFlight} requests in flight, ${acknowledged} acknowledged`);
    await customer.kill('SIGKILL');
    outage.readyMs = await customer.restart();
    log(`customer restarted and ready after ${outage.readyMs} ms`);
  };

  const place = async (n) => {
    const attempt = attempts[n];
    const token = signToken(attempt.email, 'customer');
    const headers = attempt.keyed ? { 'idempotency-key': `chaos-kill-${n}` } : {};
    for (let tries = 0; tries < (attempt.keyed ? MAX_TRIES : 1); tries++) {
      sent++;
      inFlight++;
      const sentAt = Date.now();
      const response = await client.post('/order', { requests: attempt.requests }, { token, headers });
      inFlight--;
      const key = response.status || response.error;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (response.status === 200) {
        latencies.push(response.ms);
        attempt.acknowledgedId = response.body?.id;
        acknowledged++;
        if (outage.killedAt && sentAt > outage.killedAt && !outage.firstOkAfterKillMs) {
          outage.firstOkAfterKillMs = Date.now() - outage.killedAt;
        }
        if (acknowledged === Math.floor(ORDERS / 2) && !killing) killing = killAndRestart();
        return;
      }
      if (response.status !== 0 && response.status !== 503 && response.status !== 409) return;
      // The service is away (or the key is still claimed): pause as a real client would.
      await sleep(RETRY_PAUSE_MS);
    }
  };

  log(`placing ${ORDERS} orders, concurrency ${CONCURRENCY}`);
  const began = Date.now();
  await runPool(ORDERS, CONCURRENCY, place);
  await killing;
  const loadMs = Date.now() - began;
  log(`load done in ${loadMs} ms: ${acknowledged} acknowledged of ${ORDERS}`);

  const store = await readOrders(db);
  const integrity = auditIntegrity(store);
  const audit = auditAttempts(attempts, store, prices);
  const keyedUnacknowledged = attempts.filter((a) => a.keyed && a.acknowledgedId === undefined).length;
  const serverErrors = Object.entries(statuses).filter(([status]) => Number(status) >= 500 && status !== '503');

  verdict.check('the service was killed mid-load and restarted', outage.killedAt > 0 && outage.readyMs > 0);
  verdict.check('requests were in flight at the kill', outage.inFlightAtKill > 0, `${outage.inFlightAtKill}`);
  verdict.check(
    'every acknowledged order exists exactly once with the items sent',
    audit.problems.length === 0,
    audit.problems.slice(0, 5).join('; '),
  );
  checkNothingHalfWritten(verdict, integrity);
  verdict.check(
    'every retried (Idempotency-Key) order was acknowledged',
    keyedUnacknowledged === 0,
    `${keyedUnacknowledged} not`,
  );
  verdict.check('no 5xx other than 503', serverErrors.length === 0, JSON.stringify(Object.fromEntries(serverErrors)));
  verdict.note('orders attempted (logical)', ORDERS);
  verdict.note('requests sent (incl. retries)', sent);
  verdict.note('orders acknowledged (200)', acknowledged);
  verdict.note('acknowledged orders found', audit.found);
  verdict.note('unacknowledged orders found whole (answer lost after commit)', audit.unacknowledgedFound);
  verdict.note('orders in database', store.orders.size);
  verdict.note('order events in database', store.events.length);
  verdict.note('answers by status', statuses);
  verdict.note('in flight at kill', outage.inFlightAtKill);
  verdict.note('restart to ready ms', outage.readyMs);
  verdict.note('kill to first 200 ms', outage.firstOkAfterKillMs);
  verdict.note('load duration ms', loadMs);
  verdict.note('POST /order 200 latency ms', latencySummary(latencies));
});
