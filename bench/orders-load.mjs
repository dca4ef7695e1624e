#!/usr/bin/env node
// Throughput of the order life cycle's hot endpoints, and proof that GET /status runs a fixed
// number of queries (no N+1). Starts $DIST/apps/{customer,courier} on a throwaway database and
// prints a markdown table. Runs, in this order: GET /status (customer with 20 orders),
// GET /orders_to_deliver (those 20 orders listed), POST /order (2–3 items per order).
// "app CPU ms/req" is the service process's own CPU time per request: unlike req/s it hardly
// moves when other work shares the machine.
// Usage: [CONNECTIONS=50] [DURATION=10] [DIST=dist] [JWT_SECRET=dev default] [KEEP_DB=1] [BENCH_TIMEOUT] node bench/orders-load.mjs
import { connectStore } from '../scripts/lib/store-database.mjs';
import { benchDatabase, DEVELOPMENT_JWT_SECRET, envNumber, runBench, signToken } from './lib/harness.mjs';
import { fixed, load, LOAD_COLUMNS, loadRow } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const CONNECTIONS = envNumber('CONNECTIONS', 50);
const DURATION = envNumber('DURATION', 10);
const SECRET = process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
const token = (email, role) => signToken(email, role, SECRET);

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

await runBench('orders-load', { timeoutSeconds: 3 * DURATION + 180 }, async ({ startApp }) => {
  const database = benchDatabase('orders');
  const env = { STORE_DATABASE_URL: database.url, JWT_SECRET: SECRET };
  // One at a time: both migrate the same new database under its lock.
  const customer = await startApp('customer', env);
  const courier = await startApp('courier', env);
  const db = await connectStore(database);

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
  const bearer = (email, role) => ({ authorization: `Bearer ${token(email, role)}` });
  const place = (email, body = bodies[0]) =>
    fetch(`${customer.url}/order`, { method: 'POST', headers: { ...json, ...bearer(email, 'customer') }, body });
  const status = (email) => fetch(`${customer.url}/status`, { headers: bearer(email, 'customer') });

  await place('one@example.org');
  for (let n = 0; n < 20; n++) await place('twenty@example.org', bodies[n]);
  const selectsOne = await selectsPerRequest(db, () => status('one@example.org'));
  const selectsTwenty = await selectsPerRequest(db, () => status('twenty@example.org'));

  const run = (app, options) => load({ connections: CONNECTIONS, duration: DURATION, pid: app.pid, ...options });
  const statusRun = await run(customer, {
    url: `${customer.url}/status`,
    headers: bearer('twenty@example.org', 'customer'),
  });
  const listRun = await run(courier, {
    url: `${courier.url}/orders_to_deliver`,
    headers: bearer('courier@example.org', 'courier'),
  });
  const orderRun = await run(customer, {
    url: `${customer.url}/order`,
    method: 'POST',
    headers: { ...json, ...bearer('buyer@example.org', 'customer') },
    bodies, // cycled, one per request
  });

  const row = (endpoint, r, queries) => [
    ...loadRow(endpoint, r, { connections: CONNECTIONS, duration: DURATION }),
    fixed(r.cpuMsPerRequest, 3),
    queries,
  ];
  printTable(
    [...LOAD_COLUMNS, 'app CPU ms/req', 'SELECTs/req'],
    [
      row('GET /status (20 orders, 2–3 items each)', statusRun, `${selectsTwenty} (1 order: ${selectsOne})`),
      row('GET /orders_to_deliver (21 orders)', listRun, '1'),
      row('POST /order (2–3 items)', orderRun, '1 + 1 tx'),
    ],
  );
});
