#!/usr/bin/env node
// Realtime load: N authenticated customer sockets on REPLICAS realtime instances (default one),
// plus order status changes at R per second through the real customer and courier services.
// Measures connect rate, server RSS (and V8 heap) per idle socket and push latency (HTTP 200 of
// the change → event received by the customer's socket), p50/p99; prints markdown tables.
// Loopback only: starts $DIST/apps/{customer,courier,realtime×REPLICAS} on free ports against a
// throwaway database and REDIS_URL; exits 1 if an event was not received, a request failed or a
// socket dropped after it was ready.
//
// Scale-out mode (issue 22 item 6: 50,000 sockets over 3 replicas): REPLICAS=3 starts three
// realtime processes, customer i connecting to replica i % REPLICAS; CLIENT_PROCS=k puts the
// client sockets in k child processes (0, the default: in this process) — one Node process on
// 2 cores cannot hold 50,000 client sockets and still time their events. Each process needs one
// fd per socket: soft limits are raised to the hard one with prlimit when that suffices; the
// bench refuses to start when a replica's share would exceed the ephemeral port range.
// REDIS=private runs the apps on the bench's own redis-server and adds where the push time goes
// (bench/lib/push-stages.mjs: event row → nudge heard, nudge heard → receipt).
// Usage: [N=10000] [R=200] [DURATION=20] [REPLICAS=1] [CLIENT_PROCS=0] [CONNECT_CONCURRENCY=200]
//        [CONNECT_TIMEOUT_MS=20000] [CONNECT_RETRIES=0 (in all)] [DIST=dist] [REDIS_URL=redis://127.0.0.1:6379 | REDIS=private] [BENCH_TIMEOUT=DURATION+120+N/100]
//        node bench/realtime-load.mjs
// e.g.   N=50000 REPLICAS=3 CLIENT_PROCS=4 node bench/realtime-load.mjs
import { connectStore } from '../scripts/lib/store-database.mjs';
import { cpuSeconds, rssKb } from './lib/load.mjs';
import { benchDatabase, envNumber, onCleanup, percentile, runBench, signToken, sleep } from './lib/harness.mjs';
import { printTable } from './lib/markdown.mjs';
import { scrapeMetrics } from './lib/metrics.mjs';
import { benchEmail, customerSockets, epochNow } from './lib/realtime-sockets.mjs';
import { ensureOpenFiles, ephemeralPorts } from './lib/socket-limits.mjs';
import { watchNudges } from './lib/push-stages.mjs';
import { PrivateRedis } from '../scripts/lib/private-redis.mjs';

const N = envNumber('N', 10_000);
const RATE = envNumber('R', 200);
const DURATION_S = envNumber('DURATION', 20);
const REPLICAS = envNumber('REPLICAS', 1);
const CLIENT_PROCS = envNumber('CLIENT_PROCS', 0);
const CONNECT_CONCURRENCY = envNumber('CONNECT_CONCURRENCY', 200);
/** Files a process has open besides its sockets (modules, pipes, DB and Redis connections). */
const FD_MARGIN = 200;

async function post(url, body, bearer) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** V8 heap used (MB) as the replica's /metrics reports it, or NaN. */
const heapUsedMb = (url) =>
  scrapeMetrics(url).then(
    (value) => value('nodejs_heap_size_used_bytes', Number.NaN) / 2 ** 20,
    () => Number.NaN,
  );

const perReplica = Math.ceil(N / REPLICAS);
if (perReplica > ephemeralPorts() - 1000) {
  console.error(
    `realtime-load: ${perReplica} sockets to one ip:port exceed the ephemeral port range; use more REPLICAS`,
  );
  process.exit(2);
}

const timeoutSeconds = DURATION_S + 120 + Math.ceil(N / 100);
await runBench('realtime-load', { timeoutSeconds }, async ({ workDir, startApp }) => {
  const database = benchDatabase('realtime');
  const privateRedis = process.env.REDIS === 'private' ? await PrivateRedis.start(workDir) : undefined;
  const env = {
    NODE_ENV: 'test',
    STORE_DATABASE_URL: database.url,
    REDIS_URL: privateRedis?.url ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const nudges = privateRedis ? await watchNudges(privateRedis.url, onCleanup) : undefined;
  const customer = await startApp('customer', env);
  const courier = await startApp('courier', env);
  const replicas = [];
  for (let r = 0; r < REPLICAS; r++) replicas.push(await startApp('realtime', env));
  replicas.forEach((replica, r) => ensureOpenFiles(replica.pid, perReplica + FD_MARGIN, `realtime replica ${r}`));
  const db = await connectStore(database);
  const [product] = await db.query(`INSERT INTO products (name, price) VALUES ('Bench apple', 1.5)`);

  // The push can beat the HTTP response to the bench, so whichever of the two comes second
  // records the latency (an event arriving first counts as 0 ms). Times: ms since the epoch.
  // Also timed: the event row's occurred_at (UTC_TIMESTAMP(3) of its INSERT, the transaction's
  // last statement) → receipt: the whole live path, COMMIT included; ms resolution, one clock.
  const answered = new Map(); // orderId:status → HTTP 200 time
  const arrived = new Map(); // orderId:status → { at: receipt time, fromCommit, occurredAt, eventId }
  const receipts = []; // the paired ones, for the stages
  const replicaOf = new Map(); // orderId:status → replica of the customer's socket
  const latencies = replicas.map(() => []);
  const fromCommit = replicas.map(() => []);
  let pushedBeforeResponse = 0;
  const pair = (key, answeredAt, receipt) => {
    const r = replicaOf.get(key);
    if (receipt.at < answeredAt) pushedBeforeResponse++;
    latencies[r].push(Math.max(0, receipt.at - answeredAt));
    fromCommit[r].push(receipt.fromCommit);
    receipts.push(receipt);
    replicaOf.delete(key);
  };
  const onAnswer = (key, at) => {
    const receipt = arrived.get(key);
    if (!receipt) return void answered.set(key, at);
    arrived.delete(key);
    pair(key, at, receipt);
  };
  const onReceipt = (key, at, occurredAt, eventId) => {
    const receipt = { at, fromCommit: at - occurredAt, occurredAt, eventId };
    if (!answered.has(key)) return void arrived.set(key, receipt);
    pair(key, answered.get(key), receipt);
    answered.delete(key);
  };

  // 1. Connect N customer sockets (each its own email, so each receives only its own orders).
  const clients = await customerSockets({
    urls: replicas.map((replica) => replica.url),
    n: N,
    processes: CLIENT_PROCS,
    concurrency: CONNECT_CONCURRENCY,
    onEvent: onReceipt,
    onCleanup,
  });
  const clientShare = CLIENT_PROCS === 0 ? N : Math.ceil(N / CLIENT_PROCS);
  clients.pids.forEach((pid) => ensureOpenFiles(pid, clientShare + FD_MARGIN, `socket process ${pid}`));
  await sleep(1000);
  const rssBefore = replicas.map((replica) => rssKb(replica.pid));
  const heapBefore = await Promise.all(replicas.map((replica) => heapUsedMb(replica.url)));
  const connectStart = epochNow();
  await clients.start();
  const connectSeconds = (epochNow() - connectStart) / 1000;
  await sleep(2000);
  const rssAfter = replicas.map((replica) => rssKb(replica.pid));
  const heapAfter = await Promise.all(replicas.map((replica) => heapUsedMb(replica.url)));

  // 2. Status changes at RATE/s: each tick places an order or picks one up, alternately.
  const courierToken = signToken('bench-courier@example.org', 'courier');
  const toPickUp = [];
  let changes = 0;
  let errors = 0;
  let firstError = '';
  const inFlight = new Set();
  const tickMs = 1000 / RATE;
  const cpuBefore = replicas.map((replica) => cpuSeconds(replica.pid));
  const trafficStart = epochNow();
  for (let tick = 0; epochNow() - trafficStart < DURATION_S * 1000; tick++) {
    const due = trafficStart + tick * tickMs;
    if (due > epochNow()) await sleep(due - epochNow());
    const work =
      tick % 2 === 0 || toPickUp.length === 0
        ? (async () => {
            const i = Math.floor(Math.random() * N);
            const { id } = await post(
              `${customer.url}/order`,
              { requests: [{ id: product.insertId, quantity: 1 }] },
              signToken(benchEmail(i), 'customer'),
            );
            replicaOf.set(`${id}:CREATED`, i % REPLICAS).set(`${id}:PENDING`, i % REPLICAS);
            onAnswer(`${id}:CREATED`, epochNow());
            toPickUp.push(id);
          })()
        : (async () => {
            const id = toPickUp.shift();
            await post(`${courier.url}/pick_up_order`, { id }, courierToken);
            onAnswer(`${id}:PENDING`, epochNow());
          })();
    const tracked = work
      .then(
        () => changes++,
        (error) => (errors++, (firstError ||= error.message)),
      )
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  const trafficSeconds = (epochNow() - trafficStart) / 1000;
  const achievedRate = changes / trafficSeconds;
  const cpu = replicas.map((replica, r) => cpuSeconds(replica.pid) - cpuBefore[r]);
  await sleep(2000);
  await clients.flush();

  const lost = answered.size;
  const all = latencies.flat();
  const allFromCommit = fromCommit.flat();
  const ms = (values, p) => percentile(values, p, 1) ?? 'n/a';
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const sockets = (r) => Math.ceil((N - r) / REPLICAS);
  const load = (await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `realtime-load: ${REPLICAS} realtime replica(s), client sockets in ${CLIENT_PROCS || 'the bench'}` +
      `${CLIENT_PROCS ? ' process(es)' : ''}, loopback, connect concurrency ${CONNECT_CONCURRENCY}` +
      `${clients.retries() ? ` (${clients.retries()} connects retried)` : ''}, load average ${load}`,
  );
  printTable(
    [
      'sockets:',
      'connect/s:',
      'RSS idle → with sockets:',
      'KB per idle socket:',
      'changes/s (target → achieved):',
      'HTTP errors:',
      'push p50 ms:',
      'p99 ms:',
      'max ms:',
      'events (before HTTP response):',
      'not received:',
      'event row → receipt p50 / p99 ms:',
    ],
    [
      [
        N,
        (N / connectSeconds).toFixed(0),
        `${(sum(rssBefore) / 1024).toFixed(1)} → ${(sum(rssAfter) / 1024).toFixed(1)} MB`,
        ((sum(rssAfter) - sum(rssBefore)) / N).toFixed(1),
        `${RATE} → ${achievedRate.toFixed(0)} for ${DURATION_S} s`,
        errors,
        ms(all, 50),
        ms(all, 99),
        ms(all, 100),
        `${all.length} (${pushedBeforeResponse})`,
        lost,
        `${ms(allFromCommit, 50)} / ${ms(allFromCommit, 99)}`,
      ],
    ],
  );
  if (REPLICAS > 1) {
    printTable(
      [
        'replica',
        'sockets:',
        'RSS idle → with sockets:',
        'KB per idle socket:',
        'V8 heap used idle → with sockets:',
        'CPU s during changes:',
        'push p50 ms:',
        'p99 ms:',
        'event row → receipt p99 ms:',
        'events:',
      ],
      replicas.map((_, r) => [
        r,
        sockets(r),
        `${(rssBefore[r] / 1024).toFixed(1)} → ${(rssAfter[r] / 1024).toFixed(1)} MB`,
        ((rssAfter[r] - rssBefore[r]) / sockets(r)).toFixed(1),
        `${heapBefore[r].toFixed(1)} → ${heapAfter[r].toFixed(1)} MB`,
        cpu[r].toFixed(1),
        ms(latencies[r], 50),
        ms(latencies[r], 99),
        ms(fromCommit[r], 99),
        latencies[r].length,
      ]),
    );
  }
  if (nudges) {
    const nudgedAt = await nudges.timeline();
    const stages = receipts.map((receipt) => [nudgedAt(receipt.eventId), receipt]).filter(([at]) => at !== undefined);
    const toNudge = stages.map(([at, receipt]) => at - receipt.occurredAt);
    const toReceipt = stages.map(([at, receipt]) => receipt.at - at);
    printTable(
      ['stage (REDIS=private)', 'events:', 'p50 ms:', 'p99 ms:', 'max ms:'],
      [
        ['event row → nudge heard', toNudge.length, ms(toNudge, 50), ms(toNudge, 99), ms(toNudge, 100)],
        ['nudge heard → receipt', toReceipt.length, ms(toReceipt, 50), ms(toReceipt, 99), ms(toReceipt, 100)],
      ],
    );
  }
  const drops = Object.entries(clients.dropped);
  if (drops.length > 0)
    console.error(`sockets dropped after ready: ${drops.map(([why, n]) => `${n} (${why})`).join(', ')}`);
  if (firstError) console.error(`first HTTP error: ${firstError}`);
  return lost === 0 && errors === 0 && drops.length === 0 ? 0 : 1;
});
