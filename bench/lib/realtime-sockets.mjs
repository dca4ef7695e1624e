// The client side of bench/realtime-load.mjs: bench customers' sockets, connected in the bench's
// own process or split over child processes (CLIENT_PROCS; bench/lib/realtime-socket-process.mjs),
// since one Node process on a 2-core machine cannot hold 50,000 client sockets and still time
// their events well. Every receipt is timed on one clock for all processes (performance.timeOrigin
// + now(), ms since the epoch) so the bench can pair it with the HTTP answer it measured itself.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { signToken } from '../../scripts/lib/tokens.mjs';

/** Now, in ms since the epoch with sub-ms precision, comparable across processes on one machine. */
export const epochNow = () => performance.timeOrigin + performance.now();

/** Email of bench customer `i`; its sockets go to replica `i % urls.length`. */
export const benchEmail = (i) => `bench${i}@example.org`;

/**
 * Connects the customers `indices` (each to its replica, `concurrency` at a time) and calls
 * `onEvent('orderId:status', receivedAt, occurredAt, eventId)` (times in ms since the epoch;
 * occurredAt is the event row's UTC_TIMESTAMP(3), written just before COMMIT) for every
 * `order.status`. Resolves to `{ sockets, retries }` once all said `ready`; a connect error is
 * retried CONNECT_RETRIES times in all (default 0), then rejects. `onDrop(reason)` hears of every
 * socket that disconnects afterwards without being told to.
 */
export async function connectCustomers({ urls, indices, concurrency, onEvent, onDrop = () => undefined }) {
  const sockets = [];
  let retriesLeft = Number(process.env.CONNECT_RETRIES ?? 0);
  let retries = 0;
  let next = 0;
  async function connectOne(i) {
    const socket = io(urls[i % urls.length], {
      transports: ['websocket'],
      auth: { token: signToken(benchEmail(i), 'customer') },
      reconnection: false,
      forceNew: true,
      // socket.io-client's own default; a loaded machine's handshakes at 50,000 sockets may need more.
      timeout: Number(process.env.CONNECT_TIMEOUT_MS ?? 20_000),
    });
    socket.on('order.status', ({ eventId, orderId, status, occurredAt }) =>
      onEvent(`${orderId}:${status}`, epochNow(), Date.parse(occurredAt), eventId),
    );
    try {
      await new Promise((resolve, reject) => {
        socket.once('ready', resolve);
        socket.once('connect_error', reject);
      });
      sockets.push(socket);
      // After `ready` a socket must stay: a drop (e.g. a missed ping on a starved machine) loses its events.
      socket.once('disconnect', (reason) => reason !== 'io client disconnect' && onDrop(reason));
    } catch (error) {
      socket.close();
      if (retriesLeft-- <= 0) throw error;
      retries++;
      await connectOne(i);
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, indices.length) }, async () => {
      while (next < indices.length) await connectOne(indices[next++]);
    }),
  );
  return { sockets, retries };
}

/** Customers 0..n-1 dealt round-robin to `groups` groups. */
const deal = (n, groups, group) =>
  Array.from({ length: Math.ceil((n - group) / groups) }, (_, k) => group + k * groups);

/**
 * N customers' sockets in `processes` child processes (0: in this process). `start()` resolves
 * once every socket is ready; `close()` disconnects them all.
 */
export async function customerSockets({ urls, n, processes, concurrency, onEvent, onCleanup }) {
  let retries = 0;
  const dropped = {}; // reason → sockets
  const onDrop = (reason) => (dropped[reason] = (dropped[reason] ?? 0) + 1);
  if (processes === 0) {
    let sockets = [];
    onCleanup(() => sockets.forEach((socket) => socket.disconnect()));
    return {
      start: async () => {
        ({ sockets, retries } = await connectCustomers({ urls, indices: deal(n, 1, 0), concurrency, onEvent, onDrop }));
      },
      retries: () => retries,
      flush: async () => undefined,
      dropped,
      pids: [process.pid],
    };
  }
  const script = fileURLToPath(new URL('./realtime-socket-process.mjs', import.meta.url));
  const children = Array.from({ length: processes }, (_, group) =>
    fork(script, [], {
      env: {
        ...process.env,
        BENCH_SOCKETS: JSON.stringify({
          urls,
          indices: deal(n, processes, group),
          concurrency: Math.ceil(concurrency / processes),
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  onCleanup(() => children.forEach((child) => child.kill('SIGKILL')));
  const replies = children.map((child) => {
    const waiting = new Map(); // message type → resolve
    child.on('message', (message) => {
      if (message.type === 'events') for (const event of message.events) onEvent(...event);
      else if (message.type === 'dropped') onDrop(message.reason);
      else waiting.get(message.type)?.(message);
    });
    const failed = new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`socket process ${child.pid} exited (${code})`))),
    );
    failed.catch(() => undefined);
    return (type) => Promise.race([new Promise((resolve) => waiting.set(type, resolve)), failed]);
  });
  await Promise.all(replies.map((reply) => reply('loaded')));
  return {
    start: async () => {
      const connected = replies.map((reply) => reply('connected'));
      children.forEach((child) => child.send({ type: 'connect' }));
      for (const reply of await Promise.all(connected)) {
        if (reply.error) throw new Error(reply.error);
        retries += reply.retries;
      }
    },
    retries: () => retries,
    /** Waits until every child has forwarded what it received so far. */
    flush: async () => {
      const flushed = replies.map((reply) => reply('flushed'));
      children.forEach((child) => child.send({ type: 'flush' }));
      await Promise.all(flushed);
    },
    dropped,
    pids: children.map((child) => child.pid),
  };
}
