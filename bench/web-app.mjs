#!/usr/bin/env node
// The web app in real Chromium against the built platform: bundle size (raw and gzip), time to
// interactive of the sign-in page and of the courier's live board (median of RUNS cold loads),
// and the delay from an order placed (POST /order answered) to the courier's board showing it in
// the browser, p50/p99 over ORDERS orders placed at RATE per second. Prints markdown tables.
// Starts $DIST/apps/{customer,courier,realtime} on free ports against a throwaway database and
// REDIS_URL; needs /usr/bin/chromium (.ci/install-system-deps). Exits 1 if an order never showed.
/* global sessionStorage, performance, document, window, MutationObserver -- page functions run in Chromium */
// Usage: [ORDERS=100] [RATE=5] [RUNS=10] [DIST=dist] [BENCH_TIMEOUT=300] node bench/web-app.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../scripts/lib/ports.mjs';
import { connectStore } from '../scripts/lib/store-database.mjs';
import { benchDatabase, DIST, envNumber, onCleanup, percentile, runBench, signToken, sleep } from './lib/harness.mjs';
import { printTable } from './lib/markdown.mjs';
import { launchChromium } from '../test/support/chromium.mjs';

const ORDERS = envNumber('ORDERS', 100);
const RATE = envNumber('RATE', 5);
const RUNS = envNumber('RUNS', 10);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => percentile(values, 50);

function bundleSize() {
  const dir = join(DIST, 'apps/web/assets');
  const rows = [];
  let raw = 0;
  let gzip = 0;
  for (const ext of ['.js', '.css']) {
    const files = readdirSync(dir).filter((file) => file.endsWith(ext));
    const bytes = files.map((file) => readFileSync(join(dir, file)));
    const r = bytes.reduce((sum, b) => sum + b.length, 0);
    const g = bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
    rows.push([`${ext.slice(1).toUpperCase()} (${files.length} file${files.length === 1 ? '' : 's'})`, kb(r), kb(g)]);
    raw += r;
    gzip += g;
  }
  rows.push(['**total**', kb(raw), `**${kb(gzip)}**`]);
  return rows;
}

await runBench('web-app', { timeoutSeconds: 300 }, async ({ startApp }) => {
  const database = benchDatabase('web');
  const realtimePort = await freePort();
  const origin = `http://127.0.0.1:${realtimePort}`;
  const env = {
    NODE_ENV: 'test',
    STORE_DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    CORS_ORIGINS: origin,
  };
  const customer = await startApp('customer', env);
  const courier = await startApp('courier', env);
  await startApp(
    'realtime',
    { ...env, CUSTOMER_PUBLIC_URL: customer.url, COURIER_PUBLIC_URL: courier.url },
    { port: realtimePort },
  );
  const db = await connectStore(database);
  const [product] = await db.query(`INSERT INTO products (name, price) VALUES ('Bench apple', 1.5)`);
  const customerToken = signToken('shopper@bench.example.org', 'customer');
  const courierToken = signToken('rider@bench.example.org', 'courier');

  const browser = await launchChromium();
  onCleanup(() => browser.close());
  /** A cold page (new context: empty cache) of `role` signed in, or signed out without a role. */
  async function coldPage(token) {
    const context = await browser.newContext({ viewport: { width: 390, height: 820 } });
    if (token) {
      await context.addInitScript((t) => sessionStorage.setItem('shopwire.session', t), token);
    }
    return context.newPage();
  }
  /** ms from navigation start until `ready()` holds in the page (polled every animation frame). */
  async function timeToInteractive(token, ready) {
    const page = await coldPage(token);
    await page.goto(origin);
    await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 });
    const ms = await page.evaluate(() => performance.now());
    await page.context().close();
    return ms;
  }

  const signInTti = [];
  const boardTti = [];
  for (let run = 0; run < RUNS; run++) {
    signInTti.push(
      await timeToInteractive(null, () => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Sign in');
        return button && !button.disabled;
      }),
    );
    boardTti.push(
      await timeToInteractive(courierToken, () =>
        Boolean(document.querySelector('[data-state="live"]') && document.querySelector('.empty, .board .order')),
      ),
    );
  }

  // The courier's board, live; every card's first appearance is stamped in the page.
  const board = await coldPage(courierToken);
  await board.goto(origin);
  await board.locator('[data-state="live"]').waitFor({ timeout: 30_000 });
  await board.evaluate(() => {
    const seen = (window.__seen = {});
    new MutationObserver((mutations) => {
      const at = Date.now();
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (node.dataset?.orderId) seen[node.dataset.orderId] ??= at;
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });

  const placed = new Map(); // order id → { sentAt, answeredAt } (wall clock, shared with the page)
  for (let i = 0; i < ORDERS; i++) {
    const sentAt = Date.now();
    const response = await fetch(`${customer.url}/order`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}` },
      body: JSON.stringify({ requests: [{ id: Number(product.insertId), quantity: 1 + (i % 3) }] }),
    });
    const answeredAt = Date.now();
    if (response.status !== 200) throw new Error(`POST /order → ${response.status} ${await response.text()}`);
    placed.set(String((await response.json()).id), { sentAt, answeredAt });
    await sleep(Math.max(0, 1000 / RATE - (Date.now() - sentAt)));
  }
  const deadline = Date.now() + 15_000;
  let seen = {};
  while (Date.now() < deadline) {
    seen = await board.evaluate(() => window.__seen);
    if ([...placed.keys()].every((id) => id in seen)) break;
    await sleep(200);
  }
  const missing = [...placed.keys()].filter((id) => !(id in seen));
  const fromAnswer = [...placed].filter(([id]) => id in seen).map(([id, t]) => Math.max(0, seen[id] - t.answeredAt));
  const fromSend = [...placed].filter(([id]) => id in seen).map(([id, t]) => seen[id] - t.sentAt);

  console.log(
    `\n### Web app (${new Date().toISOString().slice(0, 10)}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`,
  );
  printTable(['asset', 'raw:', 'gzip:'], bundleSize());
  console.log('');
  printTable(
    ['time to interactive (cold context, 390 px, loopback)', 'median ms:', 'max ms:'],
    [
      ['sign-in page: "Sign in" enabled', median(signInTti).toFixed(0), Math.max(...signInTti).toFixed(0)],
      ['courier board: live and listed', median(boardTti).toFixed(0), Math.max(...boardTti).toFixed(0)],
    ],
  );
  console.log('');
  printTable(
    ['order placed → on the courier board', 'orders:', 'p50 ms:', 'p99 ms:', 'max ms:'],
    [
      [
        'from POST /order answered',
        String(fromAnswer.length),
        percentile(fromAnswer, 50).toFixed(0),
        percentile(fromAnswer, 99).toFixed(0),
        Math.max(...fromAnswer).toFixed(0),
      ],
      [
        'from POST /order sent',
        String(fromSend.length),
        percentile(fromSend, 50).toFixed(0),
        percentile(fromSend, 99).toFixed(0),
        Math.max(...fromSend).toFixed(0),
      ],
    ],
  );
  if (missing.length > 0) {
    console.error(`${missing.length} orders never showed on the board: ${missing.slice(0, 10).join(', ')}`);
    return 1;
  }
  return 0;
});
