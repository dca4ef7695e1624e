#!/usr/bin/env node
// Chaos: the store's MariaDB crashes (SIGKILL of a PRIVATE server) under traffic and comes back
// on the same port. Verdict: while it is down every endpoint answers within a bound with 503
// `{"message"}` (health: 503; /search may serve from memory) — never a 500, never a hang; once
// it is back every service answers 200 again by itself (no restart), the realtime clients get
// every event, the worker catches up, and nothing acknowledged is lost or half-written.
//
//   npm run build && npm run chaos:mariadb-restart
//   PHASE_SECONDS=5 OUTAGE_SECONDS=8 DIST=dist node chaos/mariadb-restart.mjs
//
// Starts its own MariaDB (mariadb-install-db + mariadbd) and Redis; touches no shared server.
import { acceptableDuringOutage, storeEndpointProbes } from './lib/endpoint-probes.mjs';
import { seededRandom } from './lib/order-requests.mjs';
import { sleep } from '../scripts/lib/ports.mjs';
import { PrivateMariaDb } from './lib/private-mariadb.mjs';
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

const PHASE_MS = Number(process.env.PHASE_SECONDS ?? 5) * 1000;
const OUTAGE_MS = Number(process.env.OUTAGE_SECONDS ?? 8) * 1000;
const ANSWER_BOUND_MS = Number(process.env.ANSWER_BOUND_MS ?? 5000);
const RECOVERY_BOUND_MS = 60_000;
const SEED = Number(process.env.CHAOS_SEED ?? 7);

await runScenario('mariadb-restart', { timeoutMs: 10 * 60_000 }, async ({ workDir, verdict }) => {
  const [mariadb, redis] = await Promise.all([PrivateMariaDb.start(workDir), PrivateRedis.start(workDir)]);
  const database = throwawayDatabase('mariadb', { host: '127.0.0.1', port: mariadb.port });
  const apps = await startStoreStack(workDir, { databaseUrl: database.url, redisUrl: redis.url });
  log(`private MariaDB :${mariadb.port}, store apps ready`);
  const db = await connectStore(database);
  const products = await seedCatalogue(db);

  const customers = Array.from({ length: 4 }, (_, n) => `mariadb-customer-${n}@chaos.example`);
  const couriers = ['mariadb-courier-0@chaos.example', 'mariadb-courier-1@chaos.example'];
  const clients = await connectRealtimeClients(apps.realtime.url, { customers, couriers });

  const traffic = StoreTraffic.onStack(apps, {
    products,
    customers,
    couriers,
    random: seededRandom(SEED),
    thinkMs: 150,
  });
  const probes = storeEndpointProbes(apps, { productId: products[0].id });
  traffic.phase = 'before';
  await traffic.run(PHASE_MS);

  // Outage: crash the server under traffic, probe every endpoint until the outage ends.
  traffic.phase = 'outage';
  const outageTraffic = traffic.run(OUTAGE_MS);
  await mariadb.kill();
  const crashedAt = Date.now();
  log(`MariaDB killed (SIGKILL); probing every endpoint for ${OUTAGE_MS} ms`);
  const outageAnswers = [];
  while (Date.now() - crashedAt < OUTAGE_MS) {
    const round = await Promise.all(probes.map(async (probe) => ({ probe, response: await probe.send() })));
    outageAnswers.push(...round);
    await sleep(250);
  }
  await outageTraffic;

  await mariadb.restart();
  const backAt = Date.now();
  log(`MariaDB back after ${backAt - crashedAt} ms (crash recovery included); waiting for every endpoint`);
  const recoveryMs = {};
  await Promise.all(
    probes.map(async (probe) => {
      while (Date.now() - backAt < RECOVERY_BOUND_MS) {
        const response = await probe.send();
        if (
          response.status === 200 ||
          (response.status === 400 && probe.kind === 'api' && probe.name.startsWith('POST'))
        ) {
          recoveryMs[probe.name] = Date.now() - backAt;
          return;
        }
        await sleep(100);
      }
      recoveryMs[probe.name] = null;
    }),
  );

  traffic.phase = 'after';
  await traffic.run(PHASE_MS);
  const streamsMs = await waitForStoreStreams(db, clients, 30_000);
  const workerMs = await waitForWorker(db, 60_000);

  const store = await readOrders(db);
  const audit = await auditStoreInvariants({ db, apps, store, clients, traffic });
  for (const listener of clients.all) listener.close();

  const wrong = outageAnswers.filter(({ probe, response }) => !acceptableDuringOutage(probe, response));
  const slow = outageAnswers.filter(({ response }) => response.ms > ANSWER_BOUND_MS);
  const outageByEndpoint = {};
  for (const { probe, response } of outageAnswers) {
    const entry = (outageByEndpoint[probe.name] ??= { statuses: {}, ms: [] });
    const status = response.status || response.error;
    entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    entry.ms.push(response.ms);
  }
  const http = traffic.summary(latencySummary);
  const trafficOutage = Object.entries(http).filter(([key]) => key.startsWith('outage'));
  const unrecovered = Object.entries(recoveryMs)
    .filter(([, ms]) => ms === null)
    .map(([name]) => name);

  verdict.check(
    'every probe during the outage answered 503 {"message"} (health 503, /search 200 from memory)',
    wrong.length === 0,
    wrong
      .slice(0, 5)
      .map(({ probe, response }) =>
        `${probe.name} ${response.status || response.error} ${response.text ?? ''}`.slice(0, 160),
      )
      .join('; '),
  );
  verdict.check(
    `every answer during the outage came within ${ANSWER_BOUND_MS} ms`,
    slow.length === 0,
    slow
      .slice(0, 3)
      .map(({ probe, response }) => `${probe.name} ${Math.round(response.ms)} ms`)
      .join('; '),
  );
  checkTrafficStatuses(verdict, 'traffic during the outage got only 200 / 503 (pick-up races 400)', http, {
    phase: 'outage',
    allowed: ['200', '503'],
    counts: false,
  });
  verdict.check(
    'every endpoint answered 200 again without a service restart',
    unrecovered.length === 0,
    unrecovered.join(', '),
  );
  checkRealtimeStreams(verdict, audit.streams, {
    receivedCheck: 'every realtime client received every order event',
    complete: streamsMs !== null,
  });
  checkStoreInvariants(verdict, audit, {
    workerCheck: 'worker caught up and its aggregates equal the brute force',
    workerCaughtUp: workerMs !== null,
  });
  verdict.note('MariaDB down ms (kill → accepting logins again)', backAt - crashedAt);
  verdict.note('recovery ms after MariaDB is back, by endpoint', recoveryMs);
  verdict.note(
    'outage probes by endpoint',
    Object.fromEntries(
      Object.entries(outageByEndpoint).map(([k, v]) => [k, { ...v.statuses, ms: latencySummary(v.ms) }]),
    ),
  );
  verdict.note(
    'orders acknowledged / in database / answers lost',
    `${traffic.orders.size} / ${store.orders.size} / ${traffic.ambiguousPlacements.length}`,
  );
  noteRealtimeStreams(verdict, audit.streams, clients.all);
  verdict.note('streams complete after last phase ms', streamsMs);
  verdict.note('worker caught up after last phase ms', workerMs);
  verdict.note('traffic during outage', Object.fromEntries(trafficOutage.map(([k, v]) => [k, v.statuses])));
});
