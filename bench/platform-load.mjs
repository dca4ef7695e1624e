#!/usr/bin/env node
// The whole platform as a user runs it (`npm run start:built` of a build directory: all six apps,
// NODE_ENV=production, default log level, output to a file), loaded endpoint by endpoint with wrk,
// then this machine's ceilings (bench/ceilings.mjs) in the same sitting, printed as
// ratios. Several builds can be measured in one sitting, interleaved round by round (A B, B A, …),
// e.g. a checkout of main as "before" and this tree as "after"; each round starts each build on
// fresh databases. Reports the median and range over rounds.
//
// Scenario (issue 15): 1,000 products in 20 categories imported through POST /update; a customer
// with 20 orders; a courier board of those CREATED orders; an account for POST /login; then
// 10,000 product_sales entries for /product_statistics (c=20). POST /order runs last in a round
// (it grows the board).
//
// Usage: [BUILDS=after=. or e.g. before=../base,after=.] [ROUNDS=3] [DURATION=10] [CONNECTIONS=50]
//        [PORT_BASE=5700] [DB_PREFIX=shopwire_perf] [BULLMQ_PREFIX=perf] [CEILINGS=1] [SECONDS_EACH=DURATION]
//        [READY_TIMEOUT=600 s] [ONLY=order,status,…] [LOG_DIR=dir to keep the platform's output] [PROFILE_DIR=dir: node --cpu-prof of every app] node bench/platform-load.mjs
/* global FormData, Blob -- Node 20 globals the shared lint config does not list */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import mysql from 'mysql2/promise';
import webPush from 'web-push';
import { measureCeilings } from './ceilings.mjs';
import { envNumber, onCleanup, runBench, signToken, sleep, waitFor } from './lib/harness.mjs';
import { cpuSeconds, fixed, load } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const ROUNDS = envNumber('ROUNDS', 3);
const DURATION = envNumber('DURATION', 10);
const CONNECTIONS = envNumber('CONNECTIONS', 50);
const PORT_BASE = envNumber('PORT_BASE', 5700);
const DB_PREFIX = process.env.DB_PREFIX ?? 'shopwire_perf';
const BULLMQ_PREFIX = process.env.BULLMQ_PREFIX ?? 'perf';
const SECRET = 'platform-bench-secret-0123456789abcdef0123456789';
const SERVER = { host: '127.0.0.1', port: 3306, user: 'root' };
const APPS = ['auth', 'owner', 'customer', 'courier', 'realtime', 'worker'];
const PORTS = Object.fromEntries(APPS.map((app, i) => [app, PORT_BASE + i]));
const url = (app) => `http://127.0.0.1:${PORTS[app]}`;
const BUILDS = (process.env.BUILDS ?? 'after=.').split(',').map((entry) => {
  const [name, dir] = entry.split('=');
  return { name, dir: resolve(dir) };
});
// Production mode refuses to start push without real keys; a fresh pair per run, as compose-test does.
const VAPID = webPush.generateVAPIDKeys();
const account = { forename: 'Bench', surname: 'Mark', email: 'bench@example.org', password: 'bench-password' };
const json = { 'content-type': 'application/json' };
const bearer = (email, role) => ({ authorization: `Bearer ${signToken(email, role, SECRET)}` });

/** Endpoint rows: key, title, ceiling it is compared with, target ratio / p99 (issue 22's). */
const ROWS = [
  ['order', 'POST /order (2–3 items)', 'order_tx', 0.4, 60],
  ['status', 'GET /status (20 orders)', 'point_select', 0.45, 20],
  ['board', 'GET /orders_to_deliver', 'point_select', 0.45, 20],
  ['search', 'GET /search (1,000 products)', 'http_88kb', 0.4, 20],
  ['name', 'GET /search?name= (100 matches)', 'http_small', 0.3, 20],
  ['login', 'POST /login', 'argon2_verify', 0.8, undefined],
  ['stats', 'GET /product_statistics (10,000), c=20', undefined, undefined, 30],
];
const ONLY = process.env.ONLY?.split(',');
const wanted = (key) => !ONLY || ONLY.includes(key);

async function admin(sql) {
  const db = await mysql.createConnection(SERVER);
  try {
    return await db.query(sql);
  } finally {
    await db.end();
  }
}

/** PIDs of `pid` and all its descendants. */
function processTree(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      const children = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, 'utf8').trim();
      if (children) all.push(...children.split(' ').map(Number));
    } catch {
      // exited
    }
  }
  return all;
}
const treeCpu = (pid) => processTree(pid).reduce((sum, p) => sum + (cpuSeconds(p) || 0), 0);

/** Which part of the machine a process is: an app of the platform (by its entry file), MariaDB, or wrk. */
function roleOf(pid) {
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /dist\/apps\/(\w+)\//.exec(command)?.[1] ?? (/mariadbd|wrk/.exec(command)?.[0] || undefined);
  } catch {
    return undefined;
  }
}

/** CPU seconds by role: the platform's apps, the database server and the load generator. */
function cpuByRole(platformPid) {
  const pids = [
    ...processTree(platformPid),
    ...readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number),
  ];
  const platform = new Set(processTree(platformPid));
  const totals = {};
  for (const pid of new Set(pids)) {
    const role = roleOf(pid);
    // An app's role counts only inside this platform: others on the box may run the same apps.
    if (role && (platform.has(pid) || !APPS.includes(role)))
      totals[role] = (totals[role] ?? 0) + (cpuSeconds(pid) || 0);
  }
  // wrk has exited when the load ends: its CPU is in this process's reaped-children times.
  const own = readFileSync('/proc/self/stat', 'utf8');
  const fields = own.slice(own.lastIndexOf(') ') + 2).split(' ');
  totals.wrk = (Number(fields[13]) + Number(fields[14])) / 100;
  return totals;
}

/** Starts `npm run start:built` of `build` on fresh databases; resolves once every app is ready. */
async function startPlatform(build, workDir, round) {
  const auth = `${DB_PREFIX}_auth`;
  const store = `${DB_PREFIX}_store`;
  await admin(`DROP DATABASE IF EXISTS ${auth}`);
  await admin(`DROP DATABASE IF EXISTS ${store}`);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: SECRET,
    VAPID_PUBLIC_KEY: VAPID.publicKey,
    VAPID_PRIVATE_KEY: VAPID.privateKey,
    VAPID_SUBJECT: 'mailto:bench@example.org',
    HOST: '127.0.0.1',
    AUTH_DATABASE_URL: `mysql://root@127.0.0.1:3306/${auth}`,
    STORE_DATABASE_URL: `mysql://root@127.0.0.1:3306/${store}`,
    BULLMQ_PREFIX: `${BULLMQ_PREFIX}-${build.name}-${round}`,
    // The contract's owner, as the contract-test stacks run it (ADR 0017).
    OWNER_EMAIL: 'onlymoney@gmail.com',
    OWNER_PASSWORD: 'evenmoremoney',
    OWNER_ALLOW_WELL_KNOWN_PASSWORD: 'true',
    LOGIN_MAX_FAILURES_PER_IP: '1000000000',
    REGISTRATIONS_PER_IP_PER_HOUR: '1000000000',
    ...Object.fromEntries(APPS.map((app) => [`${app.toUpperCase()}_PORT`, String(PORTS[app])])),
    ...Object.fromEntries(['auth', 'customer', 'courier'].map((a) => [`${a.toUpperCase()}_PUBLIC_URL`, url(a)])),
  };
  delete env.LOG_LEVEL;
  if (process.env.PROFILE_DIR) {
    // --cpu-prof is refused in NODE_OPTIONS; the preload profiles start-all and every app it spawns.
    env.CPU_PROFILE_DIR = resolve(process.env.PROFILE_DIR);
    env.NODE_OPTIONS = `--import ${new URL('./lib/cpu-profile-preload.mjs', import.meta.url).pathname}`;
  }
  const out = openSync(join(process.env.LOG_DIR ?? workDir, `${build.name}-${round}.log`), 'a');
  const child = spawn(process.execPath, ['scripts/start-all.mjs'], {
    cwd: build.dir,
    env,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  onCleanup(stop);
  await waitFor(
    `${build.name} platform ready`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${build.name}: start-all exited (see its log)`);
      const ready = await Promise.all(
        APPS.map((app) =>
          fetch(`${url(app)}/health/ready`)
            .then((r) => r.status === 200)
            .catch(() => false),
        ),
      );
      return ready.every(Boolean);
    },
    { timeoutMs: envNumber('READY_TIMEOUT', 600) * 1000, everyMs: 250 }, // a loaded shared box: minutes
  );
  return { pid: child.pid, stop, store };
}

/** 1,000 products, every tenth a "Hot" one: `name=Hot` matches exactly 100. */
const catalogueCsv = () =>
  Array.from({ length: 1000 }, (_, i) => {
    const name = i % 10 === 0 ? `Hot item ${i}` : `Plain item ${i}`;
    return `Category ${i % 20}|Category ${(i * 7) % 20},${name},${(i % 100) + 0.25}`;
  }).join('\n');

const orderBodies = (ids) =>
  Array.from({ length: 64 }, (_, n) =>
    JSON.stringify({
      requests: Array.from({ length: 2 + (n % 2) }, (_, i) => ({
        id: ids[(n * 37 + i * 101) % ids.length],
        quantity: 1 + i,
      })),
    }),
  );

async function seed(storeName) {
  const form = new FormData();
  form.append('file', new Blob([catalogueCsv()]), 'products.csv');
  const owner = bearer('onlymoney@gmail.com', 'owner');
  const seeded = await fetch(`${url('owner')}/update`, { method: 'POST', headers: owner, body: form });
  if (seeded.status !== 200) throw new Error(`import: ${seeded.status} ${await seeded.text()}`);
  const customer = bearer('customer', 'customer');
  const { products } = await (await fetch(`${url('customer')}/search`, { headers: customer })).json();
  const ids = products.map((p) => p.id);
  if (ids.length !== 1000) throw new Error(`expected 1,000 products, got ${ids.length}`);
  const bodies = orderBodies(ids);
  for (let n = 0; n < 20; n++) {
    const r = await fetch(`${url('customer')}/order`, {
      method: 'POST',
      headers: { ...json, ...bearer('twenty@example.org', 'customer') },
      body: bodies[n],
    });
    if (r.status !== 200) throw new Error(`seed order: ${r.status}`);
  }
  const registered = await fetch(`${url('auth')}/register_customer`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(account),
  });
  if (registered.status !== 200) throw new Error(`register: ${registered.status}`);
  return { bodies, storeName };
}

/** 9,000 more products (after the search rows: search would list them) and 10,000 sales rows. */
async function seedStatistics(storeName) {
  const db = await mysql.createConnection({ ...SERVER, database: storeName });
  try {
    const rows = Array.from({ length: 9000 }, (_, i) => [`Stat product ${i}`, 1.5]);
    await db.query('INSERT INTO products (name, price) VALUES ?', [rows]);
    await db.query(
      'INSERT INTO product_sales (product_id, sold, waiting) SELECT id, id % 97, id % 13 FROM products ON DUPLICATE KEY UPDATE sold = VALUES(sold)',
    );
    await db.query('UPDATE statistics_state SET version = version + 1');
  } finally {
    await db.end();
  }
}

/** MariaDB global counters (other clients share the server: deltas are upper bounds). */
async function dbCounters() {
  const [rows] = await admin(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update','Com_commit','Innodb_data_fsyncs','Bytes_sent','Bytes_received')",
  );
  return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}

async function measure(platform, key, options) {
  const cpuBefore = treeCpu(platform.pid);
  const rolesBefore = cpuByRole(platform.pid);
  const counters = await dbCounters();
  const r = await load({ duration: DURATION, connections: CONNECTIONS, ...options });
  const rolesAfter = cpuByRole(platform.pid);
  const after = await dbCounters();
  const perRequest = Object.fromEntries(
    Object.keys(after).map((name) => [name, (after[name] - counters[name]) / Math.max(1, r.total)]),
  );
  return {
    ...r,
    key,
    platformCpuMs: ((treeCpu(platform.pid) - cpuBefore) * 1000) / Math.max(1, r.total),
    cpuByRoleMs: Object.fromEntries(
      Object.keys(rolesAfter).map((role) => [
        role,
        ((rolesAfter[role] - (rolesBefore[role] ?? 0)) * 1000) / Math.max(1, r.total),
      ]),
    ),
    db: perRequest,
  };
}

async function runRound(build, workDir, round) {
  const platform = await startPlatform(build, workDir, round);
  try {
    const { bodies } = await seed(platform.store);
    await sleep(2000); // let the worker and realtime settle after seeding
    if (process.env.PROFILE_DIR) for (const pid of processTree(platform.pid)) process.kill(pid, 'SIGWINCH');
    const results = [];
    const customer = bearer('twenty@example.org', 'customer');
    if (wanted('status'))
      results.push(await measure(platform, 'status', { url: `${url('customer')}/status`, headers: customer }));
    if (wanted('board'))
      results.push(
        await measure(platform, 'board', {
          url: `${url('courier')}/orders_to_deliver`,
          headers: bearer('c@example.org', 'courier'),
        }),
      );
    if (wanted('search'))
      results.push(await measure(platform, 'search', { url: `${url('customer')}/search`, headers: customer }));
    if (wanted('name'))
      results.push(await measure(platform, 'name', { url: `${url('customer')}/search?name=Hot`, headers: customer }));
    if (wanted('login'))
      results.push(
        await measure(platform, 'login', {
          url: `${url('auth')}/login`,
          method: 'POST',
          headers: json,
          body: JSON.stringify({ email: account.email, password: account.password }),
        }),
      );
    if (wanted('stats')) {
      await seedStatistics(platform.store);
      const owner = bearer('onlymoney@gmail.com', 'owner');
      results.push(
        await measure(platform, 'stats', {
          url: `${url('owner')}/product_statistics`,
          headers: owner,
          connections: 20,
        }),
      );
    }
    if (wanted('order'))
      results.push(
        await measure(platform, 'order', {
          url: `${url('customer')}/order`,
          method: 'POST',
          headers: { ...json, ...bearer('buyer@example.org', 'customer') },
          bodies,
        }),
      );
    for (const r of results) {
      if (r.non2xx > 0 || r.errors > 0)
        console.error(`${build.name} ${r.key}: non-2xx ${r.non2xx}, errors ${r.errors}`);
    }
    return results;
  } finally {
    await platform.stop();
    await admin(`DROP DATABASE IF EXISTS ${DB_PREFIX}_auth`);
    await admin(`DROP DATABASE IF EXISTS ${DB_PREFIX}_store`);
  }
}

/** This machine's ceilings now (bench/ceilings.mjs), each run as long as a platform row. */
const ceilings = () => measureCeilings({ seconds: envNumber('SECONDS_EACH', DURATION), connections: CONNECTIONS });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const span = (values) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

await runBench(
  'platform-load',
  { timeoutSeconds: ROUNDS * BUILDS.length * (16 * DURATION + 600) },
  async ({ workDir }) => {
    for (const build of BUILDS) {
      if (!existsSync(join(build.dir, 'dist/apps/customer/src/main.js')))
        throw new Error(`${build.dir}: no build (npm run build)`);
    }
    const results = Object.fromEntries(BUILDS.map((b) => [b.name, []])); // per build: rounds of rows
    const ceilingRounds = [];
    console.log(`platform-load: ${new Date().toISOString()}, ${ROUNDS} rounds, wrk c=${CONNECTIONS} ${DURATION} s`);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? BUILDS : [...BUILDS].reverse();
      for (const build of order) {
        console.log(`round ${round + 1}: ${build.name} (load ${loadAverage()})`);
        const rows = await runRound(build, workDir, round);
        results[build.name].push(rows);
        for (const r of rows) {
          const db = Object.entries(r.db)
            .map(([k, v]) => `${k}=${v.toFixed(2)}`)
            .join(' ');
          console.log(
            `  ${r.key}: ${r.reqPerSec} req/s p50 ${r.p50} p99 ${r.p99} cpu ${fixed(r.platformCpuMs, 3)} ms/req ${db}`,
          );
          const byRole = Object.entries(r.cpuByRoleMs)
            .filter(([, ms]) => ms > 0.0005)
            .map(([role, ms]) => `${role}=${fixed(ms, 3)}`)
            .join(' ');
          console.log(`    cpu ms/req by process: ${byRole}`);
        }
      }
      if (process.env.CEILINGS !== '0') {
        const c = await ceilings();
        ceilingRounds.push(c);
        console.log(`round ${round + 1} ceilings: ${JSON.stringify(c)} (load ${loadAverage()})`);
      }
    }

    const ceiling = (name) => (name && ceilingRounds.length ? median(ceilingRounds.map((c) => c[name])) : undefined);
    const table = [];
    for (const [key, title, ceilingName, targetRatio, targetP99] of ROWS) {
      if (!wanted(key)) continue;
      const cells = [title];
      for (const build of BUILDS) {
        const runs = results[build.name].map((rows) => rows.find((r) => r.key === key)).filter(Boolean);
        const rps = runs.map((r) => r.reqPerSec);
        const c = ceiling(ceilingName);
        cells.push(
          `${Math.round(median(rps))} (${span(rps)}), p50 ${fixed(median(runs.map((r) => r.p50)), 1)} / p99 ${fixed(median(runs.map((r) => r.p99)), 1)} ms`,
          c ? fixed(median(rps) / c, 2) : '—',
        );
      }
      const c = ceiling(ceilingName);
      cells.push(ceilingName ? `${ceilingName} ${c ? Math.round(c) : '?'}` : '—');
      cells.push(
        `${targetRatio ? `≥ ${targetRatio}` : ''}${targetRatio && targetP99 ? ', ' : ''}${targetP99 ? `p99 ≤ ${targetP99} ms` : ''}`,
      );
      table.push(cells);
    }
    console.log(`\nmedian (range) over ${ROUNDS} rounds; ceilings: median of rounds; load now ${loadAverage()}\n`);
    printTable(
      ['endpoint', ...BUILDS.flatMap((b) => [`${b.name} req/s`, `${b.name} ratio:`]), 'ceiling', 'target'],
      table,
    );
  },
);
