#!/usr/bin/env node
// GET /search throughput and latency (wrk, else autocannon: see lib/load.mjs) on 1,000 products in 20 categories, seeded
// through POST /update. Targets: all ≥ 4,000 req/s; a 100-product match ≥ 5,000 req/s; p99 ≤ 25 ms.
// Usage: [DURATION=10] [CONNECTIONS=50] [DIST=dist] [OWNER_URL=… CUSTOMER_URL=… JWT_SECRET=…] [BENCH_TIMEOUT] node bench/catalogue-search.mjs
import { importCsv, startCatalogue, token } from './lib/catalogue.mjs';
import { envNumber, runBench } from './lib/harness.mjs';
import { fixed, load } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const DURATION = envNumber('DURATION', 10);
const CONNECTIONS = envNumber('CONNECTIONS', 50);

/** 1,000 products; every tenth is a "Hot" one, so `name=Hot` matches exactly 100. */
function seedFile() {
  return Array.from({ length: 1000 }, (_, i) => {
    const categories = [`Category ${i % 20}`, `Category ${(i * 7) % 20}`].join('|');
    const name = i % 10 === 0 ? `Hot item ${i}` : `Plain item ${i}`;
    return `${categories},${name},${(i % 100) + 0.25}`;
  }).join('\n');
}

await runBench('catalogue-search', { timeoutSeconds: 3 * DURATION + 180 }, async ({ startApp }) => {
  const services = await startCatalogue(startApp);
  const seeded = await importCsv(services.ownerUrl, seedFile());
  if (seeded.status !== 200) throw new Error(`seeding failed: ${seeded.status} ${seeded.text}`);
  const headers = { authorization: `Bearer ${token('customer')}` };
  const hot = await (await fetch(`${services.customerUrl}/search?name=Hot`, { headers })).json();
  if (hot.products.length !== 100) throw new Error(`expected 100 matches, got ${hot.products.length}`);

  const rows = [];
  for (const [path, title] of [
    // The same machine's floor for any request through the platform (no auth, tiny body), for scale.
    ['/health/live', '/health/live (floor)'],
    ['/search', '/search (all 1,000)'],
    ['/search?name=Hot', '/search?name=Hot (100)'],
  ]) {
    const r = await load({
      url: `${services.customerUrl}${path}`,
      connections: CONNECTIONS,
      duration: DURATION,
      headers,
      pid: services.customerPid,
    });
    // Server CPU per request (from /proc) tells what one core could serve, whatever else runs.
    const cpuMicros = r.cpuMsPerRequest * 1000;
    rows.push([
      title,
      r.generator,
      r.reqPerSec,
      r.p50,
      r.p99,
      r.max,
      r.non2xx,
      r.errors,
      fixed(cpuMicros),
      fixed(1e6 / cpuMicros),
    ]);
  }
  console.log(`\nc=${CONNECTIONS}, ${DURATION} s each\n`);
  printTable(
    [
      'query',
      'generator',
      'req/s (avg):',
      'p50 ms:',
      'p99 ms:',
      'max ms:',
      'non-2xx:',
      'errors:',
      'server CPU µs/req:',
      '≈ req/s per core:',
    ],
    rows,
  );
});
