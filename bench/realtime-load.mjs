#!/usr/bin/env node
// Realtime load: N authenticated sockets on ONE realtime instance, plus order status changes at
// R per second through the real customer and courier services. Measures connect rate, server RSS
// per idle socket and push latency (HTTP 200 → event received), p50/p99; prints a markdown row.
// Loopback only: starts $DIST/apps/{customer,courier,realtime} on free ports against a throwaway
// database and REDIS_URL; exits 1 if an event was not received or a request failed.
// Usage: [N=10000] [R=200] [DURATION=20] [DIST=dist] [REDIS_URL=redis://127.0.0.1:6379] [BENCH_TIMEOUT=DURATION+120] node bench/realtime-load.mjs
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { connectStore } from '../scripts/lib/store-database.mjs';
import { benchDatabase, envNumber, onCleanup, percentile, runBench, signToken, sleep } from './lib/harness.mjs';
import { rssKb } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const N = envNumber('N', 10_000);
const RATE = envNumber('R', 200);
const DURATION_S = envNumber('DURATION', 20);
const CONNECT_CONCURRENCY = 200;
const token = (email, role) => signToken(email, role);

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

await runBench('realtime-load', { timeoutSeconds: DURATION_S + 120 }, async ({ startApp }) => {
  const database = benchDatabase('realtime');
  const env = {
    NODE_ENV: 'test',
    STORE_DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const customer = await startApp('customer', env);
  const courier = await startApp('courier', env);
  const realtime = await startApp('realtime', env);
  const db = await connectStore(database);
  const [product] = await db.query(`INSERT INTO products (name, price) VALUES ('Bench apple', 1.5)`);

  // 1. Connect N customer sockets (each its own email, so each receives only its own orders).
  await sleep(1000);
  const rssBefore = rssKb(realtime.pid);
  // The push can beat the HTTP response to the bench, so whichever of the two comes second
  // records the latency (an event arriving first counts as 0 ms).
  const answered = new Map(); // orderId:status → HTTP 200 time (ms)
  const arrived = new Map(); // orderId:status → receipt time (ms)
  const latencies = [];
  let pushedBeforeResponse = 0;
  const match = (key, side) => {
    const now = performance.now();
    const other = side === 'answered' ? arrived : answered;
    const mine = side === 'answered' ? answered : arrived;
    if (!other.has(key)) return void mine.set(key, now);
    const answeredAt = side === 'answered' ? now : other.get(key);
    const arrivedAt = side === 'answered' ? other.get(key) : now;
    if (arrivedAt < answeredAt) pushedBeforeResponse++;
    latencies.push(Math.max(0, arrivedAt - answeredAt));
    other.delete(key);
  };
  const sockets = [];
  onCleanup(() => sockets.forEach((socket) => socket.disconnect()));
  const connectStart = performance.now();
  let next = 0;
  async function connectOne(i) {
    const socket = io(realtime.url, {
      transports: ['websocket'],
      auth: { token: token(`bench${i}@example.org`, 'customer') },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    socket.on('order.status', ({ orderId, status }) => match(`${orderId}:${status}`, 'arrived'));
    await new Promise((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
  }
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (next < N) await connectOne(next++);
    }),
  );
  const connectSeconds = (performance.now() - connectStart) / 1000;
  await sleep(2000);
  const rssAfter = rssKb(realtime.pid);

  // 2. Status changes at RATE/s: each tick places an order or picks one up, alternately.
  const courierToken = token('bench-courier@example.org', 'courier');
  const toPickUp = [];
  let changes = 0;
  let errors = 0;
  let firstError = '';
  const inFlight = new Set();
  const tickMs = 1000 / RATE;
  const trafficStart = performance.now();
  for (let tick = 0; performance.now() - trafficStart < DURATION_S * 1000; tick++) {
    const due = trafficStart + tick * tickMs;
    if (due > performance.now()) await sleep(due - performance.now());
    const work =
      tick % 2 === 0 || toPickUp.length === 0
        ? (async () => {
            const i = Math.floor(Math.random() * N);
            const { id } = await post(
              `${customer.url}/order`,
              { requests: [{ id: product.insertId, quantity: 1 }] },
              token(`bench${i}@example.org`, 'customer'),
            );
            match(`${id}:CREATED`, 'answered');
            toPickUp.push(id);
          })()
        : (async () => {
            const id = toPickUp.shift();
            await post(`${courier.url}/pick_up_order`, { id }, courierToken);
            match(`${id}:PENDING`, 'answered');
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
  const achievedRate = changes / ((performance.now() - trafficStart) / 1000);
  await sleep(2000);

  const lost = answered.size;
  const ms = (p) => percentile(latencies, p, 1) ?? 'n/a';
  console.log(`realtime-load: one realtime instance, loopback, connect concurrency ${CONNECT_CONCURRENCY}`);
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
    ],
    [
      [
        N,
        (N / connectSeconds).toFixed(0),
        `${(rssBefore / 1024).toFixed(1)} → ${(rssAfter / 1024).toFixed(1)} MB`,
        ((rssAfter - rssBefore) / N).toFixed(1),
        `${RATE} → ${achievedRate.toFixed(0)} for ${DURATION_S} s`,
        errors,
        ms(50),
        ms(99),
        ms(100),
        `${latencies.length} (${pushedBeforeResponse})`,
        lost,
      ],
    ],
  );
  if (firstError) console.error(`first HTTP error: ${firstError}`);
  return lost === 0 && errors === 0 ? 0 : 1;
});
