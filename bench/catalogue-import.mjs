#!/usr/bin/env node
// Times a 100,000-line POST /update (contract §3.1 target: ≤ 5 s). Prints a markdown row.
// Usage: [LINES=100000] [DIST=dist] [OWNER_URL=… JWT_SECRET=…] [KEEP_DB=1] [BENCH_TIMEOUT=300] node bench/catalogue-import.mjs
import { execFileSync } from 'node:child_process';
import { importCsv, startCatalogue } from './lib/catalogue.mjs';
import { envNumber, runBench } from './lib/harness.mjs';
import { cpuSeconds, fixed } from './lib/load.mjs';
import { printTable } from './lib/markdown.mjs';

const LINES = envNumber('LINES', 100_000);

/** The local MariaDB server's pid, to report its CPU time too (it also serves anyone else's work). */
function mariadbPid() {
  try {
    return Number(execFileSync('pgrep', ['-x', 'mariadbd'], { encoding: 'utf8' }).split('\n')[0]);
  } catch {
    return Number.NaN;
  }
}

await runBench('catalogue-import', { timeoutSeconds: 300 }, async ({ startApp }) => {
  const services = await startCatalogue(startApp, { customer: false });
  const run = Date.now().toString(36);
  const lines = Array.from(
    { length: LINES },
    (_, i) => `Category ${i % 50}|Bench ${i % 7},Bench product ${run} ${i},${(i % 1000) + 0.99}`,
  );
  const content = lines.join('\n') + '\n';
  const database = mariadbPid();
  const [ownerBefore, databaseBefore] = [cpuSeconds(services.ownerPid), cpuSeconds(database)];
  const result = await importCsv(services.ownerUrl, content);
  const ownerCpu = cpuSeconds(services.ownerPid) - ownerBefore;
  const databaseCpu = cpuSeconds(database) - databaseBefore;
  printTable(
    ['lines:', 'file size:', 'status:', 'wall time:', 'owner CPU:', 'mariadbd CPU (all clients):'],
    [
      [
        LINES.toLocaleString('en'),
        `${(content.length / 1024 / 1024).toFixed(1)} MiB`,
        result.status,
        `${result.seconds.toFixed(2)} s`,
        `${fixed(ownerCpu, 2)} s`,
        `${fixed(databaseCpu, 2)} s`,
      ],
    ],
  );
  if (result.status !== 200) {
    console.error(result.text);
    return 1;
  }
});
