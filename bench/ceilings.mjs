#!/usr/bin/env node
// This machine's ceilings for the platform's hot paths, measured now, with nothing of the
// platform in the way. Machines of one kind differ by 2× and the box may be shared, so a platform
// figure only means something next to ceilings measured in the same sitting: platform-load.mjs
// runs this between its rounds and prints its rows as ratios (e.g. POST /order ÷ order_tx).
//
//   order_tx       START TRANSACTION; INSERT order; 3 × INSERT item; INSERT event; COMMIT (mysql2, c=50, pool 20)
//   point_select   SELECT by primary key, prepared (mysql2, c=50, pool 20)
//   http_small     node:http, a tiny JSON stringified per request (the load generator of the platform rows, c=50)
//   http_88kb      node:http, the 88 KB 1,000-product JSON already serialised (same generator, c=50)
//   argon2_verify  argon2id verifications per second with the auth app's parameters, 4 in flight
//
// Everything it needs is in this repository: mysql2 and @node-rs/argon2 from node_modules, the
// local MariaDB (a throwaway database of its own), wrk when installed (else autocannon).
// Usage: [SECONDS_EACH=15] [CONNECTIONS=50] [DB_URL=mysql://root@127.0.0.1:3306] node bench/ceilings.mjs
// Prints `CEILING <name> <ops per second>` lines. `node bench/ceilings.mjs serve PORT` is the
// bare HTTP server it starts in a process of its own.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { buildCatalogue, SMALL } from './lib/ceiling-payloads.mjs';
import { envNumber, sleep, waitFor } from './lib/harness.mjs';
import { load } from './lib/load.mjs';

const SELF = fileURLToPath(import.meta.url);

function serve(port) {
  const big = Buffer.from(JSON.stringify(buildCatalogue()));
  const server = createServer((request, response) => {
    if (request.url === '/small') {
      const body = JSON.stringify(SMALL); // stringified per request, as a framework would
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      response.end(body);
    } else if (request.url === '/big-pre') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': big.length });
      response.end(big);
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1');
}

/** The bare server in a child process; resolves to its stop function once it answers. */
async function startServer(port) {
  const child = spawn(process.execPath, [SELF, 'serve', String(port)], { stdio: 'ignore' });
  await waitFor(
    'ceiling http server',
    () =>
      fetch(`http://127.0.0.1:${port}/small`)
        .then((r) => r.ok)
        .catch(() => false),
    { timeoutMs: 30_000, everyMs: 100 },
  );
  return () => child.kill('SIGTERM');
}

async function httpCeilings(seconds, connections) {
  const port = envNumber('CEILING_PORT', 7199);
  const stop = await startServer(port);
  try {
    const small = await load({ url: `http://127.0.0.1:${port}/small`, connections, duration: seconds });
    const big = await load({ url: `http://127.0.0.1:${port}/big-pre`, connections, duration: seconds });
    return { http_small: small.reqPerSec, http_88kb: big.reqPerSec };
  } finally {
    stop();
  }
}

/** Runs `op` from `connections` loops for `seconds`; operations per second. */
async function rate(seconds, connections, op) {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  const loop = async () => {
    while (Date.now() < until) {
      await op();
      done++;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return done / seconds;
}

const SCHEMA = [
  `CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, price DECIMAL(10,2) NOT NULL,
     categories VARCHAR(64) NOT NULL, stock INT NOT NULL, updated_at DATETIME(3) NOT NULL) ENGINE=InnoDB`,
  `INSERT INTO products SELECT seq, CONCAT('bench-item-', LPAD(seq, 5, '0')), 10 + (seq % 90) + (seq % 100) / 100,
     CONCAT('["cat', LPAD(seq % 20 + 1, 2, '0'), '","cat', LPAD((seq * 7) % 20 + 1, 2, '0'), '"]'), 1000, NOW(3)
     FROM seq_1_to_10000`,
  `CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id INT NOT NULL, status VARCHAR(16) NOT NULL,
     total DECIMAL(12,2) NOT NULL, created_at DATETIME(3) NOT NULL, KEY ix_user (user_id)) ENGINE=InnoDB`,
  `CREATE TABLE order_items (id BIGINT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT NOT NULL, product_id INT NOT NULL,
     qty INT NOT NULL, price DECIMAL(10,2) NOT NULL, KEY ix_order (order_id)) ENGINE=InnoDB`,
  `CREATE TABLE events (id BIGINT AUTO_INCREMENT PRIMARY KEY, aggregate_id BIGINT NOT NULL, type VARCHAR(32) NOT NULL,
     payload TEXT NOT NULL, created_at DATETIME(3) NOT NULL) ENGINE=InnoDB`,
];

async function databaseCeilings(seconds, connections) {
  const server = new URL(process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306');
  const options = { host: server.hostname, port: Number(server.port || 3306), user: server.username || 'root' };
  if (server.password) options.password = decodeURIComponent(server.password);
  const database = `shopwire_ceilings_${process.pid}`;
  const admin = await mysql.createConnection(options);
  await admin.query(`CREATE DATABASE ${database}`);
  const pool = mysql.createPool({ ...options, database, connectionLimit: 20 });
  try {
    for (const sql of SCHEMA) await pool.query(sql);
    const randomId = () => 1 + Math.floor(Math.random() * 10_000);
    const select = async () => {
      const [rows] = await pool.execute('SELECT id, name, price, categories, stock FROM products WHERE id = ?', [
        randomId(),
      ]);
      if (rows.length !== 1) throw new Error('point select: no row');
    };
    const orderTx = async () => {
      const db = await pool.getConnection();
      try {
        await db.beginTransaction();
        const user = Math.floor(Math.random() * 5000);
        const [order] = await db.execute(
          'INSERT INTO orders (user_id, status, total, created_at) VALUES (?, ?, ?, NOW(3))',
          [user, 'CREATED', '36.75'],
        );
        for (let k = 0; k < 3; k++) {
          await db.execute('INSERT INTO order_items (order_id, product_id, qty, price) VALUES (?, ?, ?, ?)', [
            order.insertId,
            randomId(),
            1,
            '12.25',
          ]);
        }
        const payload = JSON.stringify({ orderId: order.insertId, userId: user, total: '36.75', items: 3 });
        await db.execute('INSERT INTO events (aggregate_id, type, payload, created_at) VALUES (?, ?, ?, NOW(3))', [
          order.insertId,
          'order.created',
          payload,
        ]);
        await db.commit();
      } catch (error) {
        await db.rollback().catch(() => undefined);
        throw error;
      } finally {
        db.release();
      }
    };
    await rate(Math.min(3, seconds), connections, orderTx); // warm: pool open, buffer pool hot
    const order_tx = await rate(seconds, connections, orderTx);
    const point_select = await rate(seconds, connections, select);
    return { order_tx, point_select };
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

/** Argon2id verifications per second, 4 in flight, with the auth app's parameters (the login ceiling). */
async function argon2Ceiling(seconds) {
  const { hash, verify } = await import('@node-rs/argon2');
  const stored = await hash('bench-password', { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  return rate(seconds, 4, () => verify(stored, 'bench-password'));
}

/** Every ceiling, measured one after the other: { order_tx, point_select, http_small, http_88kb, argon2_verify }. */
export async function measureCeilings({ seconds = 15, connections = 50 } = {}) {
  const database = await databaseCeilings(seconds, connections);
  await sleep(500);
  const http = await httpCeilings(seconds, connections);
  return { ...database, ...http, argon2_verify: await argon2Ceiling(seconds) };
}

if (process.argv[1] === SELF) {
  if (process.argv[2] === 'serve') {
    serve(Number(process.argv[3]));
  } else {
    const found = await measureCeilings({
      seconds: envNumber('SECONDS_EACH', 15),
      connections: envNumber('CONNECTIONS', 50),
    });
    for (const [name, value] of Object.entries(found)) console.log(`CEILING ${name} ${Math.round(value)}`);
  }
}
