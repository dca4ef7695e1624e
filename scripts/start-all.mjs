#!/usr/bin/env node
/* global AbortSignal */
// `npm start`: boots every built app as its own process (as they run in production) and stops
// them all on Ctrl-C or when one exits.
//
// Development (NODE_ENV not `production`): each app's JSON log goes to logs/<app>.log and the
// terminal gets one summary — each app, its URL, ready or not — then only warnings and errors,
// one readable line each. Production: every JSON line, prefixed with the app name, as before.
//
// HTTP_PROCESSES (ADR 0015): processes per HTTP service (auth, owner, customer, courier); unset, 1 —
// measured on a 2-core box, the whole platform is faster with one each. Realtime and the worker run one.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';

const APPS = {
  auth: { port: 'AUTH_PORT', default: 5000 },
  owner: { port: 'OWNER_PORT', default: 5001 },
  customer: { port: 'CUSTOMER_PORT', default: 5002 },
  courier: { port: 'COURIER_PORT', default: 5003 },
  realtime: { port: 'REALTIME_PORT', default: 5004, note: 'the live web page' },
  worker: { port: 'WORKER_PORT', default: 5005, note: 'health and metrics only' },
};
const READY_TIMEOUT_MS = 180_000;
const httpProcesses = process.env.HTTP_PROCESSES ?? '1';
const LEVELS = { 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

const requested = process.argv.slice(2);
const apps = (requested.length ? requested : Object.keys(APPS)).filter((app) =>
  existsSync(`dist/apps/${app}/src/main.js`),
);
const jsonLogs = process.env.NODE_ENV === 'production';
const children = new Map();
let stopping = false;

const urlOf = (app) => `http://localhost:${process.env[APPS[app].port] ?? APPS[app].default}`;
const logFile = (app) => `logs/${app}.log`;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 15_000).unref();
}

/** Calls `onLines` with the complete lines of each chunk (one string ending in a newline). */
function forEachChunkOfLines(stream, onLines) {
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk;
    const end = buffered.lastIndexOf('\n') + 1;
    if (end === 0) return;
    onLines(buffered.slice(0, end));
    buffered = buffered.slice(end);
  });
}

function forEachLine(stream, onLine) {
  forEachChunkOfLines(stream, (lines) => {
    for (const line of lines.slice(0, -1).split('\n')) onLine(line);
  });
}

const prefixed = (prefix, lines) => `${prefix} ${lines.slice(0, -1).replaceAll('\n', `\n${prefix} `)}\n`;

/** A warning or error as one line: `[app] WARN context: message (error message)`. */
function readable(line) {
  try {
    const entry = JSON.parse(line);
    const level = LEVELS[entry.level];
    if (!level) return undefined;
    const context = entry.context ? `${entry.context}: ` : '';
    const cause = entry.err?.message ? ` (${entry.err.message})` : '';
    return `${level} ${context}${entry.msg ?? ''}${cause}`;
  } catch {
    return undefined; // not JSON (boot output before the logger exists): in the log file, shown on a crash
  }
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function isReady(app) {
  try {
    const response = await fetch(`${urlOf(app)}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function printSummaryWhenReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const ready = new Map(apps.map((app) => [app, false]));
  while (!stopping && Date.now() < deadline && [...ready.values()].includes(false)) {
    for (const app of apps) if (!ready.get(app)) ready.set(app, await isReady(app));
    if ([...ready.values()].includes(false)) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (stopping) return;
  console.log('');
  for (const app of apps) {
    const state = ready.get(app) ? 'ready' : `NOT READY (see ${logFile(app)})`;
    const note = APPS[app].note ? `  ${APPS[app].note}` : '';
    console.log(`  ${app.padEnd(9)} ${urlOf(app).padEnd(24)} ${state}${note}`);
  }
  console.log(`\nLogs (JSON): logs/<app>.log. Warnings and errors appear below. Ctrl-C stops everything.\n`);
  for (const app of apps.filter((name) => !ready.get(name))) void announceWhenReady(app);
}

async function announceWhenReady(app) {
  while (!stopping && !(await isReady(app))) await new Promise((resolve) => setTimeout(resolve, 1000));
  if (!stopping) console.log(`  ${app.padEnd(9)} ${urlOf(app).padEnd(24)} ready`);
}

if (!jsonLogs) mkdirSync('logs', { recursive: true });
for (const app of apps) {
  const child = spawn(process.execPath, ['--enable-source-maps', `dist/apps/${app}/src/main.js`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HTTP_PROCESSES: httpProcesses },
  });
  children.set(app, child);
  const prefix = `[${app}]`.padEnd(11);
  if (jsonLogs) {
    // Whole lines per chunk, prefixed, in one write: the apps write their logs in batches (ADR 0016).
    for (const stream of [child.stdout, child.stderr])
      forEachChunkOfLines(stream, (lines) => process.stdout.write(prefixed(prefix, lines)));
  } else {
    const file = createWriteStream(logFile(app), { flags: 'w' });
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(file, { end: false });
      forEachLine(stream, (line) => {
        const shown = readable(line);
        if (shown) console.log(`${prefix} ${shown}`);
      });
    }
  }
  child.on('exit', (code, signal) => {
    children.delete(app);
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping the others`);
      if (!jsonLogs) console.error(tail(logFile(app)));
      stopAll(code ?? 1);
    } else if (children.size === 0) process.exit(0);
  });
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
console.log(
  `shopwire: starting ${apps.join(', ')}${jsonLogs ? '' : ' (development)'}, ${httpProcesses} process(es) per HTTP service`,
);
if (!jsonLogs) void printSummaryWhenReady();
