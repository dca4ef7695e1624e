// The faults of `npm run compose:ha-test` (issue 19): each `docker kill`s one part under traffic,
// probes the path that part serves until it answers again, brings the part back, checks that it
// rejoined, lets the store settle and audits it. One part at a time.
import { io } from 'socket.io-client';
import { call } from '../../scripts/lib/http-client.mjs';
import { sleep, waitFor } from '../../scripts/lib/ports.mjs';
import { docker } from '../lib/docker-cli.mjs';

/** How long a fault may take to show its recovery before the probe gives up. */
const PROBE_LIMIT_MS = 60_000;

/**
 * Calls `probe()` every `everyMs` until `stop()`; each record: {started, ended, ok, why} (`why`: the
 * message a failed probe threw).
 */
function startProbe(probe, everyMs) {
  const records = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      let why;
      const ok = await probe().catch((error) => ((why = error.message), false));
      records.push({ started, ended: Date.now(), ok, why });
      await sleep(everyMs);
    }
  })();
  return { records, stop: async () => ((stopped = true), await loop) };
}

/**
 * Seconds from the kill until the path answered again: the end of the first success that started
 * after the last failure (with no failure: the first success after the kill, which includes any
 * stall). undefined when it never answered again.
 */
export function recoverySeconds(records, killedAt) {
  const after = records.filter((r) => r.started >= killedAt);
  const lastFailure = after.filter((r) => !r.ok).at(-1);
  const success = after.find((r) => r.ok && (!lastFailure || r.started > lastFailure.started));
  return success ? (success.ended - killedAt) / 1000 : undefined;
}

/**
 * The probes after the kill, for a verdict note: `start+duration ok|fail (why)` in seconds from
 * the kill, the first `max` of them (a slow recovery shows whether probes failed fast, timed out
 * or answered slowly).
 */
export function probeTimeline(records, killedAt, max = 10) {
  const seconds = (ms) => (ms / 1000).toFixed(2);
  return records
    .filter((r) => r.started >= killedAt)
    .slice(0, max)
    .map((r) => `${seconds(r.started - killedAt)}+${seconds(r.ended - r.started)} ${r.ok ? 'ok' : `fail${r.why ? ` (${r.why})` : ''}`}`)
    .join(', ');
}

/**
 * A fresh socket through the gateway gets its `ready` (its replay done) within `timeoutMs`. The
 * realtime fault gives it its whole target (5 s): a socket begun 0.6 s after the kill pays the
 * gateway's connect timeout on the dead replica, then queues behind the ~100 sockets that moved
 * to the survivor at once; one that is ready 3.5 s later shows the path answering at 4.1 s, and
 * a shorter probe would have thrown that answer away and waited for the next probe.
 */
function socketProbe(url, token, timeoutMs) {
  return () =>
    new Promise((resolve, reject) => {
      const socket = io(url, { transports: ['websocket'], auth: { token, lastEventId: 0 }, reconnection: false, timeout: timeoutMs });
      const settle = (outcome) => (clearTimeout(timer), socket.disconnect(), outcome());
      const timer = setTimeout(
        () => settle(() => reject(new Error(`${socket.connected ? 'connected, no ready' : 'no connection'} in ${timeoutMs / 1000} s`))),
        timeoutMs,
      );
      socket.once('ready', () => settle(() => resolve(true)));
      socket.once('connect_error', (error) => settle(() => reject(new Error(`connect_error: ${error.message}`))));
    });
}

/** The services whose logs tell what happened on the database write path. */
const GALERA_PATH = ['store-db', 'galera-1', 'galera-2', 'galera-3', 'customer'];

/**
 * The six faults. `part(ctx)` finds the container to kill at that moment; `probe(ctx)` is the path
 * it serves, called every 250 ms (or `records(ctx)` reads the path's outcomes from the traffic's
 * own log); `rejoined(id)(ctx)` says whether the part is back in its role after `docker start`.
 */
export function haFaults() {
  const galeraRejoined = (id) => async ({ stack, db }) =>
    (await stack.state(id)) === 'healthy' && Number((await db.scalar("SHOW STATUS LIKE 'wsrep_cluster_size'", 1)) ?? 0) === 3;
  const writerProbe = ({ stack, traffic }) => {
    const customer = traffic.customers[0];
    return async () => {
      const order = await call('POST', `${stack.urls.customer}/order`, { token: customer.token, timeoutMs: 5000, body: { requests: [{ id: traffic.products.milk, quantity: 1 }] } });
      if (order.status === 200) traffic.probeOrders.push(order.body.id); // acknowledged: audited like the rest
      return order.status === 200;
    };
  };
  const appRejoined = (id) => async ({ stack }) => (await stack.state(id)) === 'healthy';
  return [
    {
      name: 'the Galera node taking writes',
      path: 'database writes (POST /order)',
      targetSeconds: 15,
      part: async ({ stack, db }) => stack.containers(String(await db.scalar('SELECT @@hostname', 0))).then((ids) => ids[0]),
      probe: writerProbe,
      diagnose: GALERA_PATH,
      rejoined: galeraRejoined,
    },
    {
      name: 'another Galera node',
      path: 'database writes (POST /order)',
      targetSeconds: 15,
      part: async ({ stack, db }) => {
        const writer = String(await db.scalar('SELECT @@hostname', 0));
        return (await stack.containers(['galera-1', 'galera-2', 'galera-3'].find((n) => n !== writer && n !== 'galera-1') ?? 'galera-3'))[0];
      },
      probe: writerProbe,
      diagnose: GALERA_PATH,
      rejoined: galeraRejoined,
    },
    {
      name: 'the Redis primary',
      path: "a courier's position reaching its customer (Redis pub/sub and rate gate)",
      targetSeconds: 10,
      part: async ({ stack }) => (await redisPrimary(stack)).id,
      // Read from the tracking courier's own reports (one a second): each one acknowledged and
      // delivered to the customer within 2 s is a success, timed by its delivery.
      records: ({ traffic }) =>
        traffic.positions
          .filter((p) => Date.now() - p.sent >= 2000)
          .map((p) => ({ started: p.sent, ended: p.delivered ?? p.sent + 2000, ok: p.ok && p.delivered !== undefined && p.delivered - p.sent <= 2000 })),
      diagnose: ['sentinel-1', 'sentinel-2', 'sentinel-3', 'redis', 'redis-replica', 'realtime'],
      rejoined: (id) => async ({ stack }) => {
        const info = await stack.exec(id, ['redis-cli', 'INFO', 'replication']);
        return /role:slave/.test(info) && /master_link_status:up/.test(info);
      },
    },
    {
      name: 'one realtime replica',
      path: 'a new socket through the gateway gets ready',
      targetSeconds: 5,
      part: async ({ stack }) => (await stack.containers('realtime'))[0],
      probe: ({ stack, traffic }) => socketProbe(stack.urls.realtime, traffic.customers[1].token, 5000),
      diagnose: ['gateway', 'realtime'],
      rejoined: appRejoined,
    },
    {
      name: 'one worker',
      path: 'the worker answers /health/ready through the gateway',
      targetSeconds: 5,
      part: async ({ stack }) => (await stack.containers('worker'))[0],
      probe: ({ stack }) => async () => (await call('GET', `${stack.urls.worker}/health/ready`, { timeoutMs: 2000 })).status === 200,
      rejoined: appRejoined,
    },
    {
      name: 'one customer replica',
      path: 'GET /status through the gateway',
      targetSeconds: 5,
      part: async ({ stack }) => (await stack.containers('customer'))[0],
      probe: ({ stack, traffic }) => async () => (await call('GET', `${stack.urls.customer}/status`, { token: traffic.customers[2].token, timeoutMs: 2000 })).status === 200,
      rejoined: appRejoined,
    },
  ];
}

/** Run in a Galera node: synced (the node's own health script), then the cluster size it sees. */
const CLUSTER_SIZE = `/galera/galera-check.sh && mariadb --user=galera_check "--password=$GALERA_CHECK_PASSWORD" -N -B -e "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" | cut -f2`;

/**
 * What is not yet whole in the stack: a container not healthy, a Galera node not a synced member
 * (each node asked itself), fewer than 3 in the cluster, the Redis replica not online, fewer than
 * 3 Sentinels able to fail over. [] when whole.
 */
export async function notWhole({ stack }) {
  const missing = await stack.unhealthy();
  for (const node of ['galera-1', 'galera-2', 'galera-3']) {
    const [id] = await stack.containers(node);
    const size = await stack.exec(id, ['bash', '-c', CLUSTER_SIZE], { allowFail: true });
    if (size.stdout !== '3') missing.push(`${node}: ${size.stdout || 'not synced'} (cluster size)`);
  }
  const quorum = await sentinelCommand(stack, ['CKQUORUM', 'shopwire']).catch((error) => error.message);
  if (!/^OK 3 usable/.test(quorum)) missing.push(`sentinels: ${quorum}`);
  const primary = await redisPrimary(stack).catch(() => ({}));
  const replication = primary.id ? (await stack.exec(primary.id, ['redis-cli', 'INFO', 'replication'], { allowFail: true })).stdout : '';
  if (!/slave0:.*state=online/.test(replication)) missing.push(`redis primary ${primary.host}: no online replica`);
  return missing;
}

/** A command to the first Sentinel; its answer. */
async function sentinelCommand(stack, args) {
  const [sentinel] = await stack.containers('sentinel-1');
  return stack.exec(sentinel, ['redis-cli', '-p', '26379', 'SENTINEL', ...args]);
}

/** The Redis primary as the Sentinels name it, and its container. */
async function redisPrimary(stack) {
  const host = (await sentinelCommand(stack, ['GET-MASTER-ADDR-BY-NAME', 'shopwire'])).split('\n')[0];
  return { host, id: (await stack.containers(host))[0] };
}

/**
 * Waits until the stack is whole again (a fault is the loss of ONE machine: a node still rejoining
 * or evicted by a stall would make the next kill a second loss, which three Galera nodes or one
 * replica do not survive). Returns the seconds waited, or throws naming what stayed broken.
 */
export async function waitUntilWhole(ctx, timeoutMs = 180_000) {
  const began = Date.now();
  let missing = [];
  await waitFor('the stack whole', async () => (missing = await notWhole(ctx)).length === 0, { timeoutMs, everyMs: 1000 }).catch(() => {
    throw new Error(`not whole after ${timeoutMs / 1000} s: ${missing.join(', ')}`);
  });
  return (Date.now() - began) / 1000;
}

/** Log lines that tell a failover's story: Sentinel's election and switch, the proxy's servers, Galera's views. */
const STORY =
  /[+-](sdown|odown|try-failover|elected-leader|failover-abort[\w-]*|failover-end|switch-master|promoted-slave|convert-to-slave)|Next failover delay|Server \S+ is (UP|DOWN)|going DOWN|non-Primary|NON-PRIMARY|NON_PRIM|Synchronized with group|Shifting [A-Z]+ -> [A-Z]+/;

/**
 * The story of a failed fault in one line, from the path's logs (`--- service id` headers, as
 * injectFault collects them): each event once, with its first time and the services that logged
 * it. It goes into the verdict's numbers, the part of a CI log that is always shown in full.
 */
export function pathStory(logs, max = 24) {
  const events = new Map();
  let service = '';
  for (const line of logs.split('\n')) {
    const header = /^--- (\S+)/.exec(line);
    if (header) {
      service = header[1];
      continue;
    }
    const match = STORY.exec(line);
    if (!match) continue;
    const what = line.slice(match.index, match.index + 70).replace(/\s+/g, ' ').trim();
    const time = /\d\d:\d\d:\d\d\.\d+/.exec(line)?.[0] ?? '';
    const event = events.get(what) ?? { time, services: new Set() };
    if (time && time < event.time) event.time = time;
    event.services.add(service);
    events.set(what, event);
  }
  // In time order (each service's log is chronological, the services are not); untimed lines last.
  return [...events]
    .sort(([, a], [, b]) => (a.time && b.time ? a.time.localeCompare(b.time) : Number(!a.time) - Number(!b.time)))
    .slice(0, max)
    .map(([what, { time, services }]) => `${time} ${what} (${[...services].join(',')})`.trim())
    .join(' | ');
}

/** Kills the fault's part under traffic, measures, restarts it; returns what the audit reports. */
export async function injectFault(fault, ctx, { beforeMs = 3000, afterMs = 4000 } = {}) {
  const { stack, traffic } = ctx;
  const id = await fault.part(ctx);
  if (!id) throw new Error(`${fault.name}: no container found`);
  const name = (await stack.inspect(id)).Name.replace(/^\//, '');
  await sleep(beforeMs);
  const probe = fault.probe ? startProbe(fault.probe(ctx), 250) : undefined;
  const records = () => (fault.records ? fault.records(ctx) : probe.records);
  const firstLog = traffic.log.length;
  const killedAt = Date.now();
  await docker(['kill', id]);
  let recovered;
  while (Date.now() - killedAt < PROBE_LIMIT_MS) {
    await sleep(500);
    recovered = recoverySeconds(records(), killedAt);
    // Answering again, and seen to keep answering for a moment (not one lucky probe).
    if (recovered !== undefined && Date.now() - killedAt > recovered * 1000 + 2000) break;
  }
  await sleep(afterMs);
  await probe?.stop();
  await docker(['start', id]);
  const restartedAt = Date.now();
  const rejoin = fault.rejoined(id);
  const rejoined = await waitFor(`${name} rejoined`, () => rejoin(ctx).catch(() => false), { timeoutMs: 240_000, everyMs: 1000 })
    .then(() => (Date.now() - restartedAt) / 1000)
    .catch(() => undefined);
  const during = traffic.log.slice(firstLog).filter((r) => r.started >= killedAt && r.started <= restartedAt);
  const failed = during.filter((r) => r.status === 0 || r.status >= 500 || r.status === 409);
  // What the path's services logged, when it did not answer again in time or the part did not
  // rejoin (a CI run has only this).
  let logs = '';
  const final = recoverySeconds(records(), killedAt);
  if (final === undefined || final > fault.targetSeconds || rejoined === undefined) {
    const since = String(Math.floor(killedAt / 1000) - 5);
    for (const service of fault.diagnose ?? []) {
      for (const container of await stack.containers(service)) {
        const tail = await docker(['logs', '--since', since, '--tail', '120', container], { allowFail: true });
        logs += `--- ${service} ${container.slice(0, 12)}\n${tail.stdout ?? ''}${tail.stderr ?? ''}\n`;
      }
    }
  }
  const outcomes = fault.records ? Object.entries(Object.groupBy(traffic.positions.filter((p) => p.sent >= killedAt && p.sent <= restartedAt), (p) => p.outcome ?? 'none')).map(([k, v]) => `${k}×${v.length}`).join(', ') : '';
  return {
    container: name,
    logs,
    outcomes,
    timeline: probe ? probeTimeline(probe.records, killedAt) : '',
    recovered: final,
    rejoined,
    requests: during.length,
    failed: failed.length,
    failedKinds: Object.entries(Object.groupBy(failed, (r) => `${r.kind} ${r.status || r.error}`)).map(([k, v]) => `${k}×${v.length}`).join(', '),
  };
}
