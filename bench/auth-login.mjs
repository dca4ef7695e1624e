#!/usr/bin/env node
// Throughput and latency of the auth service's two CPU-heavy endpoints (Argon2id per request):
// POST /login (one account, correct password) and POST /register_customer (a new email per
// request). Prints markdown table rows. Without AUTH_URL it starts $DIST/apps/auth on a throwaway
// database with its throttling limits out of the way; a service you start yourself needs them
// raised (LOGIN_MAX_FAILURES_PER_IP, REGISTRATIONS_PER_IP_PER_HOUR) or /register_customer hits 429.
// Usage: [CONNECTIONS=50] [DURATION=10] [DIST=dist] [AUTH_URL=…] [KEEP_DB=1] [BENCH_TIMEOUT] node bench/auth-login.mjs
import { benchDatabase, envNumber, runBench } from './lib/harness.mjs';
import { load, LOAD_COLUMNS, loadRow, UNIQUE } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const CONNECTIONS = envNumber('CONNECTIONS', 50);
const DURATION = envNumber('DURATION', 10);
const account = { forename: 'Bench', surname: 'Mark', email: 'bench@example.org', password: 'bench-password' };
const json = { 'content-type': 'application/json' };

async function startAuth(startApp) {
  const limit = String(1_000_000_000);
  const app = await startApp('auth', {
    AUTH_DATABASE_URL: benchDatabase('auth').url,
    LOGIN_MAX_FAILURES: limit,
    LOGIN_MAX_FAILURES_PER_IP: limit,
    REGISTRATIONS_PER_IP_PER_HOUR: limit,
  });
  return app.url;
}

await runBench('auth-login', { timeoutSeconds: 2 * DURATION + 120 }, async ({ startApp }) => {
  const url = process.env.AUTH_URL ?? (await startAuth(startApp));
  const registered = await fetch(`${url}/register_customer`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(account),
  });
  if (![200, 400].includes(registered.status)) throw new Error(`registering the bench account: ${registered.status}`);

  const post = { connections: CONNECTIONS, duration: DURATION, method: 'POST', headers: json };
  const login = await load({
    ...post,
    url: `${url}/login`,
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  // A new email per request: UNIQUE becomes a token unique to the run and the request.
  const registration = await load({
    ...post,
    url: `${url}/register_customer`,
    bodyTemplate: JSON.stringify({ ...account, email: `bench-${UNIQUE}@example.org` }),
  });

  const row = (endpoint, r) => loadRow(endpoint, r, { connections: CONNECTIONS, duration: DURATION });
  printTable(LOAD_COLUMNS, [row('POST /login', login), row('POST /register_customer', registration)]);
});
