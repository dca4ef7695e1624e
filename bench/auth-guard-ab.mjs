#!/usr/bin/env node
// What the authentication guard costs per request: GET /status (a customer with no orders, a tiny
// body, so the guard is a large share of the request) against two builds of the customer app,
// run interleaved A, B, A, B, … in the same sitting so that whatever else loads the machine falls
// on both alike. A is the baseline build (DIST_A, required), B the build under test (DIST, default
// `dist`). Prints each build's median req/s and server CPU µs per request over ROUNDS runs, and B/A.
// A baseline build of another commit (its dependencies must be in this clone's node_modules):
//   mkdir ../baseline && git archive <commit> | tar -x -C ../baseline && ln -s "$PWD/node_modules" ../baseline/
//   (cd ../baseline && npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json)
// Usage: DIST_A=<baseline>/dist [DIST=dist] [ROUNDS=5] [DURATION=5] [CONNECTIONS=50] [BENCH_TIMEOUT] node bench/auth-guard-ab.mjs
import { resolve } from 'node:path';
import {
  benchDatabase,
  DEVELOPMENT_JWT_SECRET,
  DIST,
  envNumber,
  percentile,
  runBench,
  signToken,
} from './lib/harness.mjs';
import { fixed, load } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const ROUNDS = envNumber('ROUNDS', 5);
const DURATION = envNumber('DURATION', 5);
const CONNECTIONS = envNumber('CONNECTIONS', 50);
if (!process.env.DIST_A) {
  console.error('DIST_A (the baseline build) is required; see the comment at the top of this file.');
  process.exit(2);
}
const BUILDS = { A: resolve(process.env.DIST_A), B: DIST };

await runBench('auth-guard-ab', { timeoutSeconds: 2 * ROUNDS * (DURATION + 5) + 180 }, async ({ startApp }) => {
  const apps = {};
  for (const [label, dist] of Object.entries(BUILDS)) {
    const env = {
      STORE_DATABASE_URL: benchDatabase(`guard_${label.toLowerCase()}`).url,
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    };
    apps[label] = await startApp('customer', env, { dist });
  }
  const headers = { authorization: `Bearer ${signToken('ana@bench.example.org', 'customer', DEVELOPMENT_JWT_SECRET)}` };
  for (const app of Object.values(apps)) {
    const response = await fetch(`${app.url}/status`, { headers });
    if (response.status !== 200) throw new Error(`${app.url}/status answered ${response.status}`);
  }

  const runs = { A: [], B: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which build goes first, so neither always follows the other's warm-up.
    for (const label of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const app = apps[label];
      const r = await load({
        url: `${app.url}/status`,
        connections: CONNECTIONS,
        duration: DURATION,
        headers,
        pid: app.pid,
      });
      if (r.non2xx || r.errors) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      runs[label].push({ reqPerSec: r.reqPerSec, cpuMicros: r.cpuMsPerRequest * 1000 });
      console.log(`round ${round + 1} ${label}: ${r.reqPerSec} req/s, ${fixed(r.cpuMsPerRequest * 1000)} µs CPU/req`);
    }
  }
  const median = (label, key) =>
    percentile(
      runs[label].map((run) => run[key]),
      50,
      3,
    );
  const rows = ['A', 'B'].map((label) => [
    label === 'A' ? 'A (DIST_A, baseline)' : 'B (DIST, under test)',
    Math.round(median(label, 'reqPerSec')),
    fixed(median(label, 'cpuMicros')),
  ]);
  rows.push([
    'B / A',
    fixed(median('B', 'reqPerSec') / median('A', 'reqPerSec'), 3),
    fixed(median('B', 'cpuMicros') / median('A', 'cpuMicros'), 3),
  ]);
  console.log(
    `\nGET /status, c=${CONNECTIONS}, ${ROUNDS} interleaved rounds of ${DURATION} s, medians, Node ${process.version}\n`,
  );
  printTable(['build', 'req/s:', 'server CPU µs/req:'], rows);
});
