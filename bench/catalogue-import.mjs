// Times a 100,000-line POST /update (contract §3.1 target: ≤ 5 s).
// Usage: npm run build && node bench/catalogue-import.mjs   (LINES=100000, DIST=dist, or OWNER_URL=…)
import { execFileSync } from 'node:child_process';
import { cpuSeconds, importCsv, startServices } from './catalogue-services.mjs';

/** The local MariaDB server's pid, to report its CPU time too (it also serves anyone else's work). */
function mariadbPid() {
  try {
    return Number(execFileSync('pgrep', ['-x', 'mariadbd'], { encoding: 'utf8' }).split('\n')[0]);
  } catch {
    return Number.NaN;
  }
}

const LINES = Number(process.env.LINES ?? 100_000);
const run = Date.now().toString(36);

const services = await startServices({ customer: false });
try {
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
  console.log('| lines | file size | status | wall time | owner CPU | mariadbd CPU (all clients) |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${LINES.toLocaleString('en')} | ${(content.length / 1024 / 1024).toFixed(1)} MiB | ${result.status} | ${result.seconds.toFixed(2)} s | ${ownerCpu.toFixed(2)} s | ${databaseCpu.toFixed(2)} s |`,
  );
  if (result.status !== 200) console.error(result.text);
} finally {
  await services.stop();
}
