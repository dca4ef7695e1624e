#!/usr/bin/env node
// Database cost of the realtime replicas: the statements per second that 1, 2, 4… replicas send to
// MariaDB, idle and under a fixed order rate. With the relay (ADR 0027, the default) one replica
// tails `order_events`; RELAY=false measures every replica tailing it itself (ADR 0003).
// The replicas log in as their own throwaway MariaDB user (SELECT and CREATE on the bench database:
// CREATE only for the boot's `CREATE DATABASE/TABLE IF NOT EXISTS`), and their statements are read
// from that user's row of information_schema.USER_STATISTICS (MariaDB, `userstat=1` for the run,
// restored after), so nothing else on a shared server is counted. Orders are placed through the
// real customer app and each is picked up through the courier app: 2 events per order. Redis is a
// private redis-server: on a shared one, other apps' order-event nudges would wake the tailers too.
// Usage: [REPLICAS=1,2,4] [R=20 orders/s] [DURATION=20] [IDLE=10] [RELAY=true] [DIST=dist] [BENCH_TIMEOUT=300]
//        node bench/realtime-replica-cost.mjs
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { call } from '../scripts/lib/http-client.mjs';
import { PrivateRedis } from '../scripts/lib/private-redis.mjs';
import { connectStore } from '../scripts/lib/store-database.mjs';
import { benchDatabase, envNumber, onCleanup, runBench, signToken, sleep, waitFor } from './lib/harness.mjs';
import { printTable } from './lib/markdown.mjs';
import { scrapeMetrics } from './lib/metrics.mjs';

const REPLICAS = (process.env.REPLICAS ?? '1,2,4').split(',').map(Number);
const RATE = envNumber('R', 20);
const DURATION_S = envNumber('DURATION', 20);
const IDLE_S = envNumber('IDLE', 10);
const RELAY = process.env.RELAY ?? 'true';
/** Time for the tailers to read the last events before the window closes. */
const SETTLE_MS = 1500;

/** POSTs and resolves to the parsed body; rejects unless 200. */
async function post(url, body, token) {
  const response = await call('POST', url, { token, body });
  if (response.status !== 200) throw new Error(`${url} → ${response.status || response.error} ${response.text ?? ''}`);
  return response.body;
}

/** A MariaDB user for the replicas only; dropped (and `userstat` restored) at the end. */
async function replicaUser(db, database) {
  const user = `sw_rt_${randomBytes(4).toString('hex')}`;
  const [[{ userstat }]] = await db.query('SELECT @@GLOBAL.userstat AS userstat');
  await db.query(`CREATE USER '${user}'@'%'`);
  onCleanup(() => db.query(`DROP USER IF EXISTS '${user}'@'%'`));
  await db.query(`GRANT SELECT, CREATE ON \`${database.name}\`.* TO '${user}'@'%'`);
  await db.query('SET GLOBAL userstat = 1');
  onCleanup(() => db.query(`SET GLOBAL userstat = ${Number(userstat)}`));
  const { host, port } = database.server;
  return { user, url: `mysql://${user}@${host}:${port}/${database.name}` };
}

/** The replicas' statements so far (every command the server counted for their user). */
async function statements(db, user) {
  const [rows] = await db.query(
    `SELECT SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS AS total
       FROM information_schema.USER_STATISTICS WHERE USER = ?`,
    [user],
  );
  return Number(rows[0]?.total ?? 0);
}

/** Per replica (from its /metrics): relay role, table reads for the tail and for holes, stalls. */
async function relaySummary(replicas) {
  const parts = [];
  for (const replica of replicas) {
    const value = await scrapeMetrics(replica.url);
    const role = ['leader', 'follower', 'tailing'].find((name) => value(`realtime_relay_role{role="${name}"}`) === 1);
    const tail = value('realtime_order_events_reads_total{reason="tail"}');
    const hole = value('realtime_order_events_reads_total{reason="hole"}');
    parts.push(`${role ?? 'off'} ${tail}/${hole}/${value('realtime_relay_stalls_total')}`);
  }
  return parts.join(', ');
}

await runBench('realtime-replica-cost', { timeoutSeconds: 300 }, async ({ workDir, startApp }) => {
  const database = benchDatabase('replicacost');
  const redis = await PrivateRedis.start(workDir);
  const env = { NODE_ENV: 'test', STORE_DATABASE_URL: database.url, REDIS_URL: redis.url };
  const customer = await startApp('customer', env);
  const courier = await startApp('courier', env);
  const db = await connectStore(database);
  const [product] = await db.query(`INSERT INTO products (name, price) VALUES ('Bench apple', 1.5)`);
  const { user, url } = await replicaUser(db, database);
  const customerToken = signToken('bench-customer@example.org', 'customer');
  const courierToken = signToken('bench-courier@example.org', 'courier');
  const latestEventId = async () =>
    Number((await db.query('SELECT COALESCE(MAX(id), 0) AS id FROM order_events'))[0][0].id);

  /** Statements/s of the replicas and events committed over a window in which `drive()` runs. */
  async function window(drive) {
    const before = await statements(db, user);
    const firstEvent = await latestEventId();
    const start = performance.now();
    const failures = await drive();
    await sleep(SETTLE_MS);
    const seconds = (performance.now() - start) / 1000;
    const after = await statements(db, user);
    const events = (await latestEventId()) - firstEvent;
    return {
      perSecond: (after - before) / seconds,
      events,
      seconds,
      failures,
    };
  }

  /** RATE orders/s for DURATION_S, each picked up as soon as it is placed; resolves to the failures' messages. */
  async function orders() {
    const failures = [];
    const inFlight = [];
    const start = performance.now();
    for (let tick = 0; tick < RATE * DURATION_S; tick++) {
      const due = start + (tick * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      inFlight.push(
        post(`${customer.url}/order`, { requests: [{ id: product.insertId, quantity: 1 }] }, customerToken)
          .then(({ id }) => post(`${courier.url}/pick_up_order`, { id }, courierToken))
          .catch((error) => (failures.push(error.message), undefined)),
      );
    }
    await Promise.all(inFlight);
    return failures;
  }

  const rows = [];
  const failed = [];
  const relayNotes = [];
  for (const count of REPLICAS) {
    const replicas = [];
    for (let i = 0; i < count; i++)
      replicas.push(await startApp('realtime', { ...env, STORE_DATABASE_URL: url, REALTIME_RELAY: RELAY }));
    await sleep(3000); // past the boot's statements
    const idle = await window(async () => (await sleep(IDLE_S * 1000), []));
    const busy = await window(orders);
    failed.push(...busy.failures);
    // What the events added on top of the polling, per event and replica.
    const perEvent = ((busy.perSecond - idle.perSecond) * busy.seconds) / busy.events / count;
    rows.push(
      [count, 0, idle.perSecond.toFixed(1), (idle.perSecond / count).toFixed(1), '–'],
      [
        count,
        `${RATE} (${(busy.events / busy.seconds).toFixed(0)} events/s)`,
        busy.perSecond.toFixed(1),
        (busy.perSecond / count).toFixed(1),
        perEvent.toFixed(2),
      ],
    );
    relayNotes.push(`${count}: ${await relaySummary(replicas)}`);
    // Gone before the next count's windows open: they log in as the same user.
    for (const replica of replicas) replica.stop();
    await waitFor('the replicas to exit', () => replicas.every((replica) => !replica.process.running), {
      timeoutMs: 15_000,
    });
  }
  console.log(
    `realtime-replica-cost: statements of the realtime replicas' own MariaDB user, loopback, ${DURATION_S} s per rate, REALTIME_RELAY=${RELAY}`,
  );
  printTable(
    ['replicas:', 'orders/s:', 'statements/s (all replicas):', 'per replica:', 'extra per event per replica:'],
    rows,
  );
  console.log(
    `relay, per replica count (each replica since its boot: role, tail reads/hole reads/stalls): ${relayNotes.join('; ')}`,
  );
  if (failed.length > 0) console.error(`${failed.length} orders or pick-ups failed, first: ${failed[0]}`);
  return failed.length === 0 ? 0 : 1;
});
