// GET /search throughput and latency (autocannon) on 1,000 products in 20 categories, seeded
// through POST /update. Targets: all ≥ 4,000 req/s; a 100-product match ≥ 5,000 req/s; p99 ≤ 25 ms.
// Usage: npm run build && node bench/catalogue-search.mjs   (DURATION=10, CONNECTIONS=50, DIST=dist)
import autocannon from 'autocannon';
import { cpuSeconds, importCsv, startServices, token } from './catalogue-services.mjs';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);

/** 1,000 products; every tenth is a "Hot" one, so `name=Hot` matches exactly 100. */
function seedFile() {
  return Array.from({ length: 1000 }, (_, i) => {
    const categories = [`Category ${i % 20}`, `Category ${(i * 7) % 20}`].join('|');
    const name = i % 10 === 0 ? `Hot item ${i}` : `Plain item ${i}`;
    return `${categories},${name},${(i % 100) + 0.25}`;
  }).join('\n');
}

function load(url, title, serverPid) {
  const cpuBefore = cpuSeconds(serverPid);
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: DURATION, headers: { authorization: `Bearer ${token('customer')}` } },
      (error, result) => {
        if (error) return reject(error);
        const cpuMicrosPerRequest = ((cpuSeconds(serverPid) - cpuBefore) * 1e6) / result.requests.total;
        resolve({ title, result, cpuMicrosPerRequest });
      },
    );
  });
}

const services = await startServices();
try {
  const seeded = await importCsv(services.ownerUrl, seedFile());
  if (seeded.status !== 200) throw new Error(`seeding failed: ${seeded.status} ${seeded.text}`);
  const hot = await (
    await fetch(`${services.customerUrl}/search?name=Hot`, {
      headers: { authorization: `Bearer ${token('customer')}` },
    })
  ).json();
  if (hot.products.length !== 100) throw new Error(`expected 100 matches, got ${hot.products.length}`);

  const runs = [];
  // The same machine's floor for any request through the platform (no auth, tiny body), for scale.
  runs.push(await load(`${services.customerUrl}/health/live`, '/health/live (floor)', services.customerPid));
  runs.push(await load(`${services.customerUrl}/search`, '/search (all 1,000)', services.customerPid));
  runs.push(await load(`${services.customerUrl}/search?name=Hot`, '/search?name=Hot (100)', services.customerPid));
  console.log(`\nc=${CONNECTIONS}, ${DURATION} s each\n`);
  // Server CPU per request (from /proc) tells what one core could serve, whatever else runs.
  console.log(
    '| query | req/s (avg) | p50 ms | p99 ms | max ms | non-2xx | errors | server CPU µs/req | ≈ req/s per core |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { title, result, cpuMicrosPerRequest } of runs) {
    const { requests, latency, non2xx, errors } = result;
    const cpu = Number.isNaN(cpuMicrosPerRequest) ? 'n/a' : Math.round(cpuMicrosPerRequest);
    const perCore = Number.isNaN(cpuMicrosPerRequest) ? 'n/a' : Math.round(1e6 / cpuMicrosPerRequest);
    console.log(
      `| ${title} | ${Math.round(requests.average)} | ${latency.p50} | ${latency.p99} | ${latency.max} | ${non2xx} | ${errors} | ${cpu} | ${perCore} |`,
    );
  }
} finally {
  await services.stop();
}
