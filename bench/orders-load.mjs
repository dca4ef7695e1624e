#!/usr/bin/env node
// Throughput of the order life cycle's hot endpoints, and proof that GET /status runs a fixed
// number of queries (no N+1). Prints a markdown table.
//
//   npm run build && node bench/orders-load.mjs     # starts dist/apps/{customer,courier} on a temp DB
//
// Env: CUSTOMER_MAIN / COURIER_MAIN (built entries, default dist/apps/<app>/src/main.js),
// CONNECTIONS (50), DURATION seconds (10), JWT_SECRET (the apps' development default).
// Runs, in this order: GET /status (customer with 20 orders), GET /orders_to_deliver (those 20
// orders listed), POST /order (2–3 items per order). "app CPU ms/req" is the service process's
// own CPU time per request: unlike req/s it hardly moves when other work shares the machine.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 10);
const SECRET = process.env.JWT_SECRET ?? 'shopwire-development-secret-do-not-use-in-production';
const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root' };
const database = `sw_bench_orders_${randomBytes(4).toString('hex')}`;

function token(email, role) {
  const nbf = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { sub: email, forename: 'B', surname: 'M', roles: role, type: 'access', nbf, exp: nbf + 3600 },
    SECRET,
    {
      algorithm: 'HS256',
      noTimestamp: true,
    },
  );
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, child) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

async function startApp(name, portVariable) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [process.env[`${name.toUpperCase()}_MAIN`] ?? `dist/apps/${name}/src/main.js`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        [portVariable]: String(port),
        STORE_DATABASE_URL: `mysql://root@127.0.0.1:3306/${database}`,
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child);
  return {
    url,
    pid: child.pid,
    stop: () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** CPU time (user + system, ms) a process has used: contention-independent cost per request. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s ticks
}

async function run(app, options) {
  const before = cpuMs(app.pid);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  result.cpuPerRequest = (cpuMs(app.pid) - before) / Math.max(1, result.requests.total);
  return result;
}

function row(endpoint, result, queries) {
  const cells = [
    endpoint,
    CONNECTIONS,
    `${DURATION} s`,
    result.requests.average.toFixed(0),
    result.latency.p50,
    result.latency.p99,
    result.non2xx,
    result.errors + result.timeouts,
    result.cpuPerRequest.toFixed(3),
    queries,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Fewest global Com_select increments seen over a few requests (other clients share the server). */
async function selectsPerRequest(db, send) {
  let fewest = Infinity;
  for (let sample = 0; sample < 5; sample++) {
    const before = Number((await db.query("SHOW GLOBAL STATUS LIKE 'Com_select'"))[0][0].Value);
    await send();
    const after = Number((await db.query("SHOW GLOBAL STATUS LIKE 'Com_select'"))[0][0].Value);
    fewest = Math.min(fewest, after - before);
  }
  return fewest;
}

const customer = await startApp('customer', 'CUSTOMER_PORT');
const courier = await startApp('courier', 'COURIER_PORT');
const db = await mysql.createConnection({ ...MYSQL, database });
try {
  const productIds = [];
  for (let n = 0; n < 50; n++) {
    const [result] = await db.query('INSERT INTO products (name, price) VALUES (?, ?)', [`Product ${n}`, 1 + n / 4]);
    const [category] = await db.query(
      'INSERT INTO categories (name) VALUES (?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)',
      [`Category ${n % 7}`],
    );
    await db.query('INSERT INTO product_categories VALUES (?, ?)', [result.insertId, category.insertId]);
    productIds.push(result.insertId);
  }
  const bodies = Array.from({ length: 64 }, (_, n) =>
    JSON.stringify({
      requests: Array.from({ length: 2 + (n % 2) }, (_, i) => ({
        id: productIds[(n * 3 + i * 11) % 50],
        quantity: 1 + i,
      })),
    }),
  );
  const json = { 'content-type': 'application/json' };
  const place = (email, body = bodies[0]) =>
    fetch(`${customer.url}/order`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token(email, 'customer')}` },
      body,
    });
  const status = (email) =>
    fetch(`${customer.url}/status`, { headers: { authorization: `Bearer ${token(email, 'customer')}` } });

  await place('one@example.org');
  for (let n = 0; n < 20; n++) await place('twenty@example.org', bodies[n]);
  const selectsOne = await selectsPerRequest(db, () => status('one@example.org'));
  const selectsTwenty = await selectsPerRequest(db, () => status('twenty@example.org'));

  const statusRun = await run(customer, {
    url: `${customer.url}/status`,
    headers: { authorization: `Bearer ${token('twenty@example.org', 'customer')}` },
  });
  const listRun = await run(courier, {
    url: `${courier.url}/orders_to_deliver`,
    headers: { authorization: `Bearer ${token('courier@example.org', 'courier')}` },
  });
  let sequence = 0;
  const orderRun = await run(customer, {
    url: `${customer.url}/order`,
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token('buyer@example.org', 'customer')}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[sequence++ % bodies.length] }) }],
  });

  console.log(
    '| endpoint | connections | duration | req/s (avg) | p50 ms | p99 ms | non-2xx | errors | app CPU ms/req | SELECTs/req |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(row('GET /status (20 orders, 2–3 items each)', statusRun, `${selectsTwenty} (1 order: ${selectsOne})`));
  console.log(row('GET /orders_to_deliver (21 orders)', listRun, '1'));
  console.log(row('POST /order (2–3 items)', orderRun, '1 + 1 tx'));
} finally {
  await db.end();
  await Promise.all([customer.stop(), courier.stop()]);
  const admin = await mysql.createConnection(MYSQL);
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.end();
}
