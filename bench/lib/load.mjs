// An HTTP load run reduced to the numbers the benchmark tables show, plus the server process's
// own CPU time per request (from /proc): steadier than req/s when others share the machine.
//
// The load comes from wrk (C; `wrk -t1`, so the other core is left to the server) when it is
// installed, else from autocannon, whose JavaScript costs about as much CPU as the server under
// test on a 2-core machine and so caps what it can measure. LOAD_GENERATOR=wrk|autocannon forces one.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

/** CPU seconds (user + system) `pid` has used so far; NaN when unknown (not Linux, no pid). */
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

/** Resident memory of `pid` in KiB. */
export const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

/** In a `bodyTemplate`, replaced per request by a token unique across runs and requests. */
export const UNIQUE = '{{unique}}';

/** How long a request may take before it counts as a timeout (autocannon's default). */
const TIMEOUT_SECONDS = 10;

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Path of the wrk binary (/usr/bin/wrk or the first on PATH), or undefined. */
function findWrk() {
  const candidates = [
    '/usr/bin/wrk',
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'wrk')),
  ];
  return candidates.find(isExecutable);
}

/** The generator `load` uses: LOAD_GENERATOR if set, else wrk when installed, else autocannon. */
export function loadGenerator() {
  const forced = process.env.LOAD_GENERATOR;
  if (forced === 'autocannon') return { name: 'autocannon' };
  if (forced !== undefined && forced !== 'wrk' && forced !== '') {
    throw new Error(`LOAD_GENERATOR must be wrk or autocannon, not ${forced}`);
  }
  const wrk = findWrk();
  if (wrk) return { name: 'wrk', path: wrk };
  if (forced === 'wrk') throw new Error('LOAD_GENERATOR=wrk but no wrk at /usr/bin/wrk or on PATH');
  return { name: 'autocannon' };
}

/**
 * Runs `connections` connections against `url` for `duration` seconds and returns { generator
 * ('wrk' | 'autocannon'), reqPerSec, p50, p99, max (ms), non2xx (with wrk: status ≥ 400), errors
 * (incl. timeouts), timeouts, total, bytesPerResponse (headers included), cpuMsPerRequest (of
 * `pid`, NaN without one) }.
 * Request options: `method` (GET), `headers`, and at most one of `body` (every request),
 * `bodies` (cycled, one per request) or `bodyTemplate` (each request's body with UNIQUE replaced
 * by a fresh token, e.g. for unique emails).
 */
export async function load({ pid, url, connections, duration, method = 'GET', headers = {}, ...bodyOptions }) {
  const bodies = requestBodies(bodyOptions);
  const generator = loadGenerator();
  const cpuBefore = cpuSeconds(pid);
  const request = { url, connections, duration, method, headers, bodies };
  const result = generator.name === 'wrk' ? await runWrk(generator.path, request) : await runAutocannon(request);
  return {
    generator: generator.name,
    ...result,
    cpuMsPerRequest: ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, result.total),
  };
}

/** { kind: 'none' | 'fixed' | 'cycle' | 'template', list } from the `body` options. */
function requestBodies({ body, bodies, bodyTemplate, ...rest }) {
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new Error(`load: unknown options ${unknown.join(', ')}`);
  const given = [body, bodies, bodyTemplate].filter((option) => option !== undefined);
  if (given.length > 1) throw new Error('load: give at most one of body, bodies, bodyTemplate');
  if (body !== undefined) return { kind: 'fixed', list: [body] };
  if (bodies !== undefined) {
    if (bodies.length === 0) throw new Error('load: bodies is empty');
    return { kind: 'cycle', list: bodies };
  }
  if (bodyTemplate !== undefined) {
    if (!bodyTemplate.includes(UNIQUE)) throw new Error(`load: bodyTemplate lacks ${UNIQUE}`);
    return { kind: 'template', list: [bodyTemplate] };
  }
  return { kind: 'none', list: [] };
}

async function runAutocannon({ url, connections, duration, method, headers, bodies }) {
  const options = { url, connections, duration, method, headers, timeout: TIMEOUT_SECONDS };
  if (bodies.kind === 'fixed') options.body = bodies.list[0];
  if (bodies.kind === 'cycle') {
    let sequence = 0;
    options.requests = [
      { setupRequest: (request) => ({ ...request, body: bodies.list[sequence++ % bodies.list.length] }) },
    ];
  }
  if (bodies.kind === 'template') {
    const runId = randomBytes(3).toString('hex');
    let sequence = 0;
    options.requests = [
      {
        setupRequest: (request) => ({
          ...request,
          body: bodies.list[0].replaceAll(UNIQUE, `${runId}-0-${sequence++}`),
        }),
      },
    ];
  }
  const result = await autocannon(options);
  const total = result.requests.total;
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    timeouts: result.timeouts,
    total,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, total)),
  };
}

/** `text` as a Lua string literal (any bytes: non-printable ones and quotes as \ddd escapes). */
function luaString(text) {
  let literal = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    literal += printable ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${literal}"`;
}

const MARKER = '@@load-result@@';

/** The wrk script: the request(s) to send, and a `done` that prints the summary as one JSON line. */
function wrkScript({ method, headers, bodies }) {
  const lines = [`wrk.method = ${luaString(method)}`];
  for (const [name, value] of Object.entries(headers)) {
    lines.push(`wrk.headers[${luaString(name)}] = ${luaString(String(value))}`);
  }
  if (bodies.kind === 'fixed') lines.push(`wrk.body = ${luaString(bodies.list[0])}`);
  if (bodies.kind === 'cycle') {
    // Formatted once; request() only picks the next one.
    lines.push(
      `local bodies = { ${bodies.list.map(luaString).join(', ')} }`,
      'local requests = {}',
      'local counter = 0',
      'init = function(args)',
      '  for i, body in ipairs(bodies) do requests[i] = wrk.format(nil, nil, nil, body) end',
      'end',
      'request = function()',
      '  counter = counter + 1',
      '  return requests[(counter - 1) % #requests + 1]',
      'end',
    );
  }
  if (bodies.kind === 'template') {
    const [before, ...after] = bodies.list[0].split(UNIQUE);
    // One Lua state per wrk thread: the thread's id keeps tokens apart across threads.
    lines.push(
      `local run_id = ${luaString(randomBytes(3).toString('hex'))}`,
      `local parts = { ${[before, ...after].map(luaString).join(', ')} }`,
      'local next_thread = 0',
      'setup = function(thread)',
      '  thread:set("thread_id", next_thread)',
      '  next_thread = next_thread + 1',
      'end',
      'local counter = 0',
      'request = function()',
      '  counter = counter + 1',
      '  local token = run_id .. "-" .. tostring(thread_id or 0) .. "-" .. counter',
      '  return wrk.format(nil, nil, nil, table.concat(parts, token))',
      'end',
    );
  }
  lines.push(
    'done = function(summary, latency)',
    '  local e = summary.errors',
    '  io.write(string.format(',
    `    "\\n${MARKER}{\\"requests\\":%d,\\"duration\\":%d,\\"bytes\\":%d,\\"connect\\":%d,\\"read\\":%d,"`,
    '      .. "\\"write\\":%d,\\"status\\":%d,\\"timeout\\":%d,\\"p50\\":%d,\\"p99\\":%d,\\"max\\":%d}\\n",',
    '    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,',
    '    latency:percentile(50), latency:percentile(99), latency.max))',
    'end',
  );
  return `${lines.join('\n')}\n`;
}

async function runWrk(wrk, { url, connections, duration, method, headers, bodies }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-wrk-'));
  try {
    const script = join(dir, 'load.lua');
    writeFileSync(script, wrkScript({ method, headers, bodies }));
    const args = ['-t1', `-c${connections}`, `-d${duration}s`, `--timeout`, `${TIMEOUT_SECONDS}s`, '--latency'];
    const { stdout } = await promisify(execFile)(wrk, [...args, '-s', script, url], {
      maxBuffer: 16 * 1024 * 1024,
      timeout: (duration + 2 * TIMEOUT_SECONDS + 30) * 1000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
    if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
    const s = JSON.parse(line.slice(MARKER.length));
    const ms = (micros) => Number((micros / 1000).toFixed(2));
    return {
      reqPerSec: Math.round((s.requests * 1e6) / Math.max(1, s.duration)),
      p50: ms(s.p50),
      p99: ms(s.p99),
      max: ms(s.max),
      non2xx: s.status,
      errors: s.connect + s.read + s.write + s.timeout,
      timeouts: s.timeout,
      total: s.requests,
      bytesPerResponse: Math.round(s.bytes / Math.max(1, s.requests)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `value` with `digits` decimals, or 'n/a' when it is not a finite number. */
export const fixed = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** The columns of an HTTP load table, and one row of them for a load() result. */
export const LOAD_COLUMNS = [
  'endpoint',
  'generator',
  'connections',
  'duration',
  'req/s (avg)',
  'p50 ms',
  'p99 ms',
  'non-2xx',
  'errors',
];
export const loadRow = (endpoint, r, { connections, duration }) => [
  endpoint,
  r.generator,
  connections,
  `${duration} s`,
  r.reqPerSec,
  r.p50,
  r.p99,
  r.non2xx,
  r.errors,
];
