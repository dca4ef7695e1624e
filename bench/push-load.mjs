#!/usr/bin/env node
// Web Push under load (docs/push.md, ADR 0010): SUBSCRIBERS courier devices subscribed through
// the courier API, RATE new orders/s for DURATION s through POST /order, the BUILT worker as its
// own process, and the local RFC 8030 push service (test/support/local-push-service.mjs: VAPID
// verified, every payload decrypted) in this process. Measures, per (device, order): the time
// from the order's 200 (after its commit) to the push service receiving the first accepted push
// that covers it — p50/p99 — plus worker CPU, duplicates (an order covered twice for one device)
// and lost pairs (never covered).
// Usage: [SUBSCRIBERS=1000] [RATE=50] [DURATION=60] [PUSH_CONCURRENCY=32] node bench/push-load.mjs
// Idle delivery (docs/push.md: orders further apart than the coalescing window, one at a time):
//   SUBSCRIBERS=100 RATE=0.5 DURATION=60 node bench/push-load.mjs
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DEVELOPMENT_VAPID_KEYS } from '../dist/libs/config/src/index.js';
import { connectStore } from '../scripts/lib/store-database.mjs';
import { startLocalPushService } from '../test/support/local-push-service.mjs';
import {
  benchDatabase,
  envNumber,
  onCleanup,
  percentile,
  runBench,
  signToken,
  sleep,
  DEVELOPMENT_JWT_SECRET,
} from './lib/harness.mjs';
import { cpuSeconds, fixed } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';
import { scrapeMetrics } from './lib/metrics.mjs';

const SUBSCRIBERS = envNumber('SUBSCRIBERS', 1000);
const RATE = envNumber('RATE', 50);
const DURATION = envNumber('DURATION', 60);
const DRAIN_SECONDS = envNumber('DRAIN_SECONDS', 120);
const uptime = () => execSync('uptime').toString().trim();

await runBench('push-load', { timeoutSeconds: DURATION + DRAIN_SECONDS + 240 }, async ({ startApp }) => {
  const loadBefore = uptime();
  const push = await startLocalPushService({
    applicationServerKey: DEVELOPMENT_VAPID_KEYS.publicKey,
    keepDecrypted: false,
  });
  onCleanup(() => push.close());
  const database = benchDatabase('push');
  const env = {
    STORE_DATABASE_URL: database.url,
    PUSH_ENDPOINT_HOSTS: '127.0.0.1',
    BULLMQ_PREFIX: `bench-push-${randomBytes(4).toString('hex')}`,
  };
  const customer = await startApp('customer', env);
  const courier = await startApp('courier', env);
  const db = await connectStore(database);
  const productIds = [];
  for (let n = 0; n < 20; n++) {
    const [result] = await db.query('INSERT INTO products (name, price) VALUES (?, ?)', [`Product ${n}`, 1 + n / 4]);
    productIds.push(result.insertId);
  }

  // Devices subscribe through the API (couriers c0…c499, two devices each at 1,000).
  const devices = [];
  for (let n = 0; n < SUBSCRIBERS; n += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, SUBSCRIBERS - n) }, async (_, i) => {
        const sub = push.subscribe();
        const email = `c${Math.floor((n + i) / 2)}@bench.example.org`;
        const response = await fetch(`${courier.url}/push_subscribe`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${signToken(email, 'courier', DEVELOPMENT_JWT_SECRET)}`,
          },
          body: JSON.stringify(sub),
        });
        if (response.status !== 200) throw new Error(`subscribe: ${response.status} ${await response.text()}`);
        devices.push(sub.id);
      }),
    );
  }

  const worker = await startApp('worker', { ...env, NODE_EXTRA_CA_CERTS: push.caFile });
  const customerToken = signToken('shopper@bench.example.org', 'customer', DEVELOPMENT_JWT_SECRET);
  const committedAt = new Map();
  const orderLatency = [];
  let failedOrders = 0;
  const place = (n) =>
    placeOnce(n).catch((error) => {
      failedOrders++;
      failures.add(error.cause?.code ?? error.message);
    });
  const failures = new Set();
  const placeOnce = async (n) => {
    const began = Date.now();
    const response = await fetch(`${customer.url}/order`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}` },
      body: JSON.stringify({
        requests: [
          { id: productIds[n % 20], quantity: 1 + (n % 3) },
          { id: productIds[(n + 7) % 20], quantity: 1 },
        ],
      }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.status !== 200) return void failedOrders++;
    committedAt.set(body.id, Date.now());
    orderLatency.push(Date.now() - began);
  };

  const cpuBefore = cpuSeconds(worker.pid);
  const started = Date.now();
  const inFlight = [];
  for (let n = 0; n < RATE * DURATION; n++) {
    const due = started + (n * 1000) / RATE;
    if (due > Date.now()) await sleep(due - Date.now());
    inFlight.push(place(n));
  }
  await Promise.all(inFlight);
  const loadEnded = Date.now();
  const loadDuring = uptime();

  // Drain: wait until every order is in the stream and every device's cursor reached its end
  // (read each time: at a low RATE the last order may not be dispatched yet when the load ends).
  let drained = false;
  for (const deadline = Date.now() + DRAIN_SECONDS * 1000; Date.now() < deadline;) {
    const [[{ newest }]] = await db.query('SELECT COALESCE(MAX(seq), 0) AS newest FROM push_new_orders');
    const [[{ behind }]] = await db.query(
      "SELECT COUNT(*) AS behind FROM push_subscriptions WHERE role = 'courier' AND new_orders_seen < ?",
      [newest],
    );
    if (Number(behind) === 0 && Number(newest) >= committedAt.size) {
      drained = true;
      break;
    }
    await sleep(250);
  }
  const drainedAt = Date.now();
  const cpu = cpuSeconds(worker.pid) - cpuBefore;
  await sleep(2000); // anything late (a duplicate) still counts

  const metrics = await scrapeMetrics(worker.url);
  const sends = (outcome) => metrics(`push_sends_total{kind="courier",outcome="${outcome}"}`);
  const [stream] = await db.query('SELECT seq, order_id FROM push_new_orders ORDER BY seq');
  const orderAt = new Map(stream.map((row) => [Number(row.seq), Number(row.order_id)]));
  const latencies = [];
  let duplicates = 0;
  let covered = 0;
  const byDevice = new Map(devices.map((id) => [id, []]));
  for (const message of push.messages) if (message.status === 201) byDevice.get(message.subscription)?.push(message);
  for (const [, messages] of byDevice) {
    const seen = new Set();
    for (const { summary, receivedAt } of messages) {
      for (let seq = summary.from; seq <= summary.to; seq++) {
        const orderId = orderAt.get(seq);
        if (orderId === undefined) continue;
        if (seen.has(seq)) {
          duplicates++;
          continue;
        }
        seen.add(seq);
        covered++;
        latencies.push(receivedAt - committedAt.get(orderId));
      }
    }
  }
  const expected = committedAt.size * devices.length;
  const accepted = [...byDevice.values()].reduce((sum, list) => sum + list.length, 0);
  printTable(
    ['what', 'value'],
    [
      ['courier devices subscribed', devices.length],
      [
        'orders placed (200) / failed',
        `${committedAt.size} / ${failedOrders} in ${fixed((loadEnded - started) / 1000, 1)} s`,
      ],
      [
        'POST /order p50 / p99 (ms) during the run',
        `${percentile(orderLatency, 50)} / ${percentile(orderLatency, 99)}`,
      ],
      ['(device, order) pairs expected / covered', `${expected} / ${covered}`],
      ['lost pairs', expected - covered],
      ['duplicate pairs', duplicates],
      ['pushes accepted (201) / requests received', `${accepted} / ${push.requests}`],
      [
        'worker sends: sent / retry (429, 5xx, timeout) / gone',
        `${sends('sent')} / ${sends('retry')} / ${sends('gone')}`,
      ],
      ['orders per push (mean)', fixed(covered / Math.max(1, accepted), 1)],
      ['pushes to one device (max)', Math.max(0, ...[...byDevice.values()].map((list) => list.length))],
      [
        'commit → push service p50 / p95 / p99 (ms)',
        `${percentile(latencies, 50)} / ${percentile(latencies, 95)} / ${percentile(latencies, 99)}`,
      ],
      [
        'drained after the last order (s)',
        drained ? fixed((drainedAt - loadEnded) / 1000, 1) : `not within ${DRAIN_SECONDS}`,
      ],
      [
        'worker CPU s (share of one core over load + drain)',
        `${fixed(cpu, 1)} (${fixed((100 * cpu) / ((drainedAt - started) / 1000))} %)`,
      ],
      ['VAPID / decryption errors at the push service', push.errors.length],
      ['uptime before', loadBefore],
      ['uptime at the end of the load', loadDuring],
    ],
  );
  return expected === covered && duplicates === 0 && push.errors.length === 0 ? 0 : 1;
});
