#!/usr/bin/env node
// Courier positions (issue 12): N couriers, each sending one `courier.location` per second to the
// customer of its PENDING order, across TWO realtime replicas (every courier on the other replica
// than its customer, so every position crosses Redis). Measures delivery latency (device `at` →
// customer receipt, same clock), realtime CPU per 1,000 delivered positions, Redis commands and
// bytes per accepted position (on a private redis-server, so other users of the shared one do not
// count), acks by outcome, and positions delivered to the wrong customer (must be 0).
// Loopback only: starts $DIST/apps/realtime twice against a throwaway database; exits by itself.
// Usage: [N=2000] [DURATION=60] [WARMUP=5] [DIST=dist] node bench/courier-location-load.mjs
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { PrivateRedis } from '../scripts/lib/private-redis.mjs';
import { connectStore } from '../scripts/lib/store-database.mjs';
import { benchDatabase, envNumber, onCleanup, percentile, runBench, signToken, sleep } from './lib/harness.mjs';
import { cpuSeconds } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const N = envNumber('N', 2000);
const DURATION_S = envNumber('DURATION', 60);
const WARMUP_S = envNumber('WARMUP', 5);
const CONNECT_CONCURRENCY = 100;
const DESTINATION = { lat: 44.8125, lng: 20.4612 };
const now = () => performance.timeOrigin + performance.now(); // ms since the epoch, sub-ms

async function redisStats(url) {
  const redis = new Redis(url);
  const info = await redis.info('all');
  redis.disconnect();
  const field = (name) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  const calls = [...info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)].reduce((sum, m) => sum + Number(m[2]), 0);
  return { in: field('total_net_input_bytes'), out: field('total_net_output_bytes'), calls };
}

await runBench('courier-location', { timeoutSeconds: DURATION_S + WARMUP_S + 240 }, async ({ workDir, startApp }) => {
  const redis = await PrivateRedis.start(workDir);
  onCleanup(() => redis.kill());
  const database = benchDatabase('location');
  const env = { NODE_ENV: 'test', STORE_DATABASE_URL: database.url, REDIS_URL: redis.url };
  const replicas = [await startApp('realtime', env), await startApp('realtime', env)];
  const db = await connectStore(database);

  // One PENDING order per courier/customer pair, straight in SQL (the order life cycle is not
  // what is measured here); couriers load their PENDING orders when they connect.
  const orderIds = [];
  for (let from = 0; from < N; from += 500) {
    const rows = [];
    for (let i = from; i < Math.min(N, from + 500); i++) {
      rows.push([`cust${i}@bench.example`, 'PENDING', 1, `rider${i}@bench.example`, DESTINATION.lat, DESTINATION.lng]);
    }
    const [result] = await db.query(
      `INSERT INTO orders (customer_email, status, total, created_at, courier_email, delivery_lat, delivery_lng)
       VALUES ${rows.map(() => '(?, ?, ?, UTC_TIMESTAMP(), ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
    for (let k = 0; k < rows.length; k++) orderIds.push(result.insertId + k);
  }

  const sockets = [];
  onCleanup(() => sockets.forEach((socket) => socket.disconnect()));
  const connect = async (url, email, role) => {
    const socket = io(url, {
      transports: ['websocket'],
      auth: { token: signToken(email, role) },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  };

  let measuring = false;
  const latencies = [];
  let wrong = 0;
  let delivered = 0;
  const customers = new Array(N);
  const couriers = new Array(N);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        customers[i] = await connect(replicas[i % 2].url, `cust${i}@bench.example`, 'customer');
        customers[i].on('order.courier_location', (payload) => {
          if (payload.orderId !== orderIds[i]) wrong++;
          if (!measuring) return;
          delivered++;
          latencies.push(now() - payload.at);
        });
        couriers[i] = await connect(replicas[(i + 1) % 2].url, `rider${i}@bench.example`, 'courier');
      }
    }),
  );

  // Each courier reports once per second, phases spread evenly over the second, moving north
  // towards the destination at ~8 m/s.
  const acks = new Map();
  let sent = 0;
  const timers = [];
  const start = performance.now() + 500;
  for (let i = 0; i < N; i++) {
    const phase = (i * 1000) / N;
    let step = 0;
    const report = () => {
      step++;
      const metresAway = Math.max(0, 5000 - step * 8);
      sent += measuring ? 1 : 0;
      couriers[i].emit(
        'courier.location',
        { lat: DESTINATION.lat - metresAway / 111_195, lng: DESTINATION.lng, accuracy: 5, at: now() },
        (ack) => {
          if (!measuring) return;
          const key = ack.ok ? 'ok' : ack.error;
          acks.set(key, (acks.get(key) ?? 0) + 1);
        },
      );
    };
    timers.push(
      setTimeout(
        () => {
          report();
          timers.push(setInterval(report, 1000));
        },
        start - performance.now() + phase,
      ),
    );
  }
  onCleanup(() => timers.forEach((timer) => clearTimeout(timer)));

  await sleep(500 + WARMUP_S * 1000);
  const cpuBefore = replicas.map((replica) => cpuSeconds(replica.pid));
  const selfBefore = process.cpuUsage();
  const redisBefore = await redisStats(redis.url);
  measuring = true;
  await sleep(DURATION_S * 1000);
  measuring = false;
  const redisAfter = await redisStats(redis.url);
  const cpu = replicas.map((replica, k) => cpuSeconds(replica.pid) - cpuBefore[k]);
  const self = process.cpuUsage(selfBefore);
  timers.forEach((timer) => clearTimeout(timer));
  await sleep(1000);

  const accepted = acks.get('ok') ?? 0;
  const ms = (p) => (percentile(latencies, p, 2) ?? 'n/a').toString();
  const cpuTotal = cpu[0] + cpu[1];
  console.log(
    `courier-location-load: ${N} couriers → ${N} customers, 1 report/s each, 2 realtime replicas, ` +
      `every position cross-replica, ${DURATION_S} s measured after ${WARMUP_S} s warm-up; private redis-server`,
  );
  printTable(
    [
      'couriers:',
      'reports sent:',
      'acks (ok / other):',
      'delivered:',
      'delivery p50 ms:',
      'p99 ms:',
      'max ms:',
      'realtime CPU s (A + B):',
      'CPU ms per 1,000 positions:',
      'load generator CPU s:',
      'Redis commands per position:',
      'Redis bytes in / out per position:',
      'wrong customer:',
    ],
    [
      [
        N,
        sent,
        `${accepted} / ${
          [...acks]
            .filter(([key]) => key !== 'ok')
            .map(([key, count]) => `${key} ${count}`)
            .join(', ') || '0'
        }`,
        delivered,
        ms(50),
        ms(99),
        ms(100),
        `${cpu[0].toFixed(1)} + ${cpu[1].toFixed(1)}`,
        ((cpuTotal / delivered) * 1e6).toFixed(0),
        ((self.user + self.system) / 1e6).toFixed(1),
        ((redisAfter.calls - redisBefore.calls - 2) / accepted).toFixed(2),
        `${((redisAfter.in - redisBefore.in) / accepted).toFixed(0)} / ${((redisAfter.out - redisBefore.out) / accepted).toFixed(0)}`,
        wrong,
      ],
    ],
  );
  return wrong === 0 && delivered > 0 ? 0 : 1;
});
