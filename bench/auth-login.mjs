#!/usr/bin/env node
// Throughput and latency of the auth service's two CPU-heavy endpoints (Argon2id per request):
// POST /login (one account, correct password) and POST /register_customer (a new email per
// request). Prints markdown table rows.
//
//   AUTH_URL=http://127.0.0.1:5000 node bench/auth-login.mjs      # against a running service
//   npm run build && node bench/auth-login.mjs                     # starts dist/apps/auth on a temp DB
//
// Env: AUTH_URL, AUTH_MAIN (built entry, default dist/apps/auth/src/main.js), CONNECTIONS (50),
// DURATION seconds (10). A service you start yourself needs its throttling limits raised
// (LOGIN_MAX_FAILURES_PER_IP, REGISTRATIONS_PER_IP_PER_HOUR) or /register_customer hits 429.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 10);
const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root' };
const account = { forename: 'Bench', surname: 'Mark', email: 'bench@example.org', password: 'bench-password' };
const json = { 'content-type': 'application/json' };

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
    if (child.exitCode !== null) throw new Error(`auth app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('auth app did not become ready');
}

/** Starts the built auth app on a throwaway database with throttling limits out of the way. */
async function startAuthApp() {
  const database = `sw_bench_auth_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const limit = String(1_000_000_000);
  const child = spawn(process.execPath, [process.env.AUTH_MAIN ?? 'dist/apps/auth/src/main.js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      AUTH_PORT: String(port),
      AUTH_DATABASE_URL: `mysql://root@127.0.0.1:3306/${database}`,
      LOGIN_MAX_FAILURES: limit,
      LOGIN_MAX_FAILURES_PER_IP: limit,
      REGISTRATIONS_PER_IP_PER_HOUR: limit,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child);
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      const connection = await mysql.createConnection(MYSQL);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    },
  };
}

function run(options) {
  return autocannon({ connections: CONNECTIONS, duration: DURATION, method: 'POST', headers: json, ...options });
}

function row(endpoint, result) {
  const cells = [
    endpoint,
    CONNECTIONS,
    `${DURATION} s`,
    result.requests.average.toFixed(0),
    result.latency.p50,
    result.latency.p99,
    result.non2xx,
    result.errors + result.timeouts,
  ];
  return `| ${cells.join(' | ')} |`;
}

const started = process.env.AUTH_URL ? undefined : await startAuthApp();
const url = process.env.AUTH_URL ?? started.url;
try {
  const registered = await fetch(`${url}/register_customer`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(account),
  });
  if (![200, 400].includes(registered.status)) throw new Error(`registering the bench account: ${registered.status}`);

  const login = await run({
    url: `${url}/login`,
    body: JSON.stringify({ email: account.email, password: account.password }),
  });

  const runId = randomBytes(3).toString('hex');
  let sequence = 0;
  const registration = await run({
    url: `${url}/register_customer`,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ ...account, email: `bench-${runId}-${sequence++}@example.org` }),
        }),
      },
    ],
  });

  console.log('| endpoint | connections | duration | req/s (avg) | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(row('POST /login', login));
  console.log(row('POST /register_customer', registration));
} finally {
  await started?.stop();
}
