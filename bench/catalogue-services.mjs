/* global FormData, Blob -- Node 20 globals the shared lint config does not list */
// Shared by the catalogue benchmarks: starts the built owner/customer services on a throwaway
// store database (or uses running ones given by OWNER_URL / CUSTOMER_URL), signs tokens.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';

const DIST = process.env.DIST ?? 'dist';
const SERVER_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const JWT_SECRET = process.env.JWT_SECRET ?? 'shopwire-development-secret-do-not-use-in-production';

export function token(role, email = `${role}@bench.example.org`) {
  const nbf = Math.floor(Date.now() / 1000);
  return jwt.sign(
    { sub: email, forename: 'Bench', surname: 'Mark', roles: role, type: 'access', nbf, exp: nbf + 3600 },
    JWT_SECRET,
    { algorithm: 'HS256', noTimestamp: true },
  );
}

async function waitUntilReady(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: service exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready within 60 s`);
}

/**
 * CPU seconds (user + system) a process has used so far, or NaN when unknown (not Linux, or a
 * service we did not start). On a shared machine this, per request, is steadier than req/s.
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold ') '.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Returns { ownerUrl, ownerPid, customerUrl, customerPid, stop }. Without OWNER_URL/CUSTOMER_URL it starts
 * `node $DIST/apps/<app>/src/main.js` for each needed app on a fresh database, dropped by stop().
 */
export async function startServices({ customer = true } = {}) {
  if (process.env.OWNER_URL && (!customer || process.env.CUSTOMER_URL)) {
    return { ownerUrl: process.env.OWNER_URL, customerUrl: process.env.CUSTOMER_URL, stop: async () => {} };
  }
  const database = `shopwire_bench_${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    JWT_SECRET,
    STORE_DATABASE_URL: `${SERVER_URL}/${database}`,
    OWNER_PORT: process.env.OWNER_PORT ?? '5101',
    CUSTOMER_PORT: process.env.CUSTOMER_PORT ?? '5102',
  };
  const children = [];
  const start = async (app, port) => {
    const url = `http://127.0.0.1:${port}`;
    if (
      await fetch(`${url}/health/live`).then(
        () => true,
        () => false,
      )
    )
      throw new Error(`${url} is already in use`);
    const child = spawn(process.execPath, [join(DIST, 'apps', app, 'src', 'main.js')], { env, stdio: 'inherit' });
    children.push(child);
    await waitUntilReady(url, child);
    return { url, pid: child.pid };
  };
  const stop = async () => {
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
    const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(exited);
    const connection = await mysql.createConnection(SERVER_URL);
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
  };
  try {
    // One at a time: both migrate the same new database under its lock.
    const owner = await start('owner', env.OWNER_PORT);
    const customerApp = customer ? await start('customer', env.CUSTOMER_PORT) : undefined;
    return {
      ownerUrl: owner.url,
      ownerPid: owner.pid,
      customerUrl: customerApp?.url,
      customerPid: customerApp?.pid,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** POST /update with `content` as the file part; returns { status, text, seconds }. */
export async function importCsv(ownerUrl, content) {
  const form = new FormData();
  form.append('file', new Blob([content]), 'products.csv');
  const started = process.hrtime.bigint();
  const response = await fetch(`${ownerUrl}/update`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token('owner', 'onlymoney@gmail.com')}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, text, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
