#!/usr/bin/env node
// CPU per request log line (ADR 0016), in this process, with stdout going wherever the caller
// points it (a pipe into another process is what `npm start` and most log shippers do):
//   before: the root logger's child (redaction of every line) writing synchronously, one write per line;
//   after:  createRequestLogger (no redaction pass: fixed fields) on the buffered asynchronous stdout.
// Usage: node bench/request-log-line.mjs | cat > /dev/null   [LINES=200000]  (needs `npm run build`)
/* global setImmediate -- a Node global the shared lint config does not list */
import { pino } from 'pino';
import { createRequestLogger, REDACTED_PATHS, serializeError } from '../dist/libs/observability/src/index.js';

const LINES = Number(process.env.LINES ?? 200_000);
const BATCH = 500; // lines per event-loop turn, as requests arrive: the async destination writes between batches
const line = (n) => ({ reqId: `bench-${n}`, method: 'GET', url: '/search?name=Hot', statusCode: 200, ms: 1.2345 });

const before = pino(
  {
    level: 'info',
    base: { service: 'bench' },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    serializers: { err: serializeError },
  },
  pino.destination({ dest: 1, sync: true }),
);
const after = createRequestLogger({ service: 'bench', level: 'info' });
const ways = {
  before: ({ reqId, method, url, statusCode, ms }) =>
    before.child({ reqId }).info({ req: { method, url }, res: { statusCode }, ms }, 'request completed'),
  after,
};

const turn = () => new Promise((resolve) => setImmediate(resolve));
const results = {};
for (const round of [0, 1]) {
  for (const [name, log] of Object.entries(ways)) {
    const cpu = process.cpuUsage();
    for (let n = 0; n < LINES; n += BATCH) {
      for (let i = n; i < n + BATCH; i++) log(line(i));
      await turn();
    }
    const used = process.cpuUsage(cpu);
    if (round === 1) results[name] = ((used.user + used.system) / LINES).toFixed(2); // the first round warms up
  }
}
process.stderr.write(`CPU µs per request line: before ${results.before}, after ${results.after}\n`);
