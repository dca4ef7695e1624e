#!/usr/bin/env node
// Realtime load: N authenticated sockets on ONE realtime instance, plus order status changes at
// R per second through the real customer and courier services. Measures connect rate, server RSS
// per idle socket and push latency (HTTP 200 → event received), p50/p99.
//
//   npm run build && node bench/realtime-load.mjs            # N=10000 R=200 DURATION=20
//   N=2000 R=200 DURATION=20 node bench/realtime-load.mjs
//
// Loopback only. It starts the three built apps itself (dist/, or DIST=...), on free ports, against
// a throwaway database that it drops at the end; it exits by itself (hard limit: DURATION + 120 s).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { io } from 'socket.io-client';

const N = Number(process.env.N ?? 10_000);
const RATE = Number(process.env.R ?? 200);
const DURATION_S = Number(process.env.DURATION ?? 20);
const DIST = process.env.DIST ?? 'dist';
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';
const CONNECT_CONCURRENCY = 200;
const database = `sw_bench_realtime_${process.pid}`;
const children = [];

setTimeout(() => fail(new Error('hard time limit reached')), (DURATION_S + 120) * 1000).unref();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const token = (email, role) => {
  const nbf = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { sub: email, forename: 'B', surname: 'B', roles: role, type: 'access', nbf, exp: nbf + 3600 },
    SECRET,
    {
      noTimestamp: true,
    },
  );
};

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startApp(name, portVariable) {
  const port = await freePort();
  const child = spawn(process.execPath, [`${DIST}/apps/${name}/src/main.js`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      JWT_SECRET: SECRET,
      STORE_DATABASE_URL: `${MYSQL}/${database}`,
      REDIS_URL,
      [portVariable]: String(port),
    },
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, pid: child.pid };
    await sleep(100);
  }
  throw new Error(`${name} did not start`);
}

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

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

async function cleanup() {
  for (const child of children) child.kill('SIGTERM');
  const server = await mysql.createConnection(MYSQL);
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.end();
}

function fail(error) {
  console.error(`bench failed: ${error.message}`);
  cleanup().finally(() => process.exit(1));
}

async function main() {
  const customer = await startApp('customer', 'CUSTOMER_PORT');
  const courier = await startApp('courier', 'COURIER_PORT');
  const realtime = await startApp('realtime', 'REALTIME_PORT');
  const db = await mysql.createConnection(`${MYSQL}/${database}`);
  const [product] = await db.query(`INSERT INTO products (name, price) VALUES ('Bench apple', 1.5)`);
  await db.end();

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
  const connectStart = performance.now();
  let next = 0;
  async function connectOne(i) {
    const socket = io(realtime.url, {
      transports: ['websocket'],
      auth: { token: token(`bench${i}@example.org`, 'customer') },
      reconnection: false,
      forceNew: true,
    });
    socket.on('order.status', ({ orderId, status }) => match(`${orderId}:${status}`, 'arrived'));
    await new Promise((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
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

  const all = latencies.sort((a, b) => a - b);
  const lost = answered.size;
  const ms = (value) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
  console.log(
    [
      `realtime-load: N=${N} sockets, R=${RATE}/s for ${DURATION_S}s (one realtime instance, loopback)`,
      `connect: ${N} sockets in ${connectSeconds.toFixed(2)} s = ${(N / connectSeconds).toFixed(0)}/s (concurrency ${CONNECT_CONCURRENCY})`,
      `server RSS: ${(rssBefore / 1024).toFixed(1)} MB idle → ${(rssAfter / 1024).toFixed(1)} MB with sockets = ${((rssAfter - rssBefore) / N).toFixed(1)} KB per idle socket`,
      `status changes: ${changes} ok (${achievedRate.toFixed(0)}/s achieved), ${errors} HTTP errors ${firstError}`,
      `push latency HTTP 200 → client: p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}, max ${ms(all.at(-1))} over ${all.length} events (${pushedBeforeResponse} arrived before the HTTP response); not received: ${lost}`,
    ].join('\n'),
  );
  for (const socket of sockets) socket.disconnect();
  await cleanup();
  process.exit(lost === 0 && errors === 0 ? 0 : 1);
}

main().catch(fail);
