import type {
  ClientToServerEvents,
  CourierLocationAck,
  CourierLocationPayload,
  CourierLocationReport,
  LiveEventName,
  ReadyPayload,
  RealtimeHandshakeAuth,
  ResyncPayload,
  ServerToClientEvents,
} from '@shopwire/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { EventCursor } from './event-cursor.js';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type LiveEventHandlers = { [E in LiveEventName]?: ServerToClientEvents[E] };

export interface RealtimeClientOptions {
  /** Base URL of the realtime app, e.g. http://localhost:5004. */
  url: string;
  /** Access token from /login; replace it with `setToken` before it expires. */
  token: string;
  /** Resume point: the highest eventId seen in an earlier session. */
  lastEventId?: number;
  /**
   * Handlers for order events (customers, couriers) and `statistics.changed`, `orders.changed`
   * (owners); each is called once per eventId and event name, in eventId order.
   */
  on?: LiveEventHandlers;
  /**
   * Customers: the position and ETA of the courier of one of their PENDING orders. Ephemeral (no
   * eventId, no replay): on (re)connect the latest known position of each order comes first.
   * Positions older than one already shown for the same order are not passed on.
   */
  onCourierLocation?: (payload: CourierLocationPayload) => void;
  /** Replay finished: everything up to `lastEventId` has been delivered. */
  onReady?: (payload: ReadyPayload) => void;
  /** Too far behind to replay: refetch state over HTTP, live events continue afterwards. */
  onResync?: (payload: ResyncPayload) => void;
  /** Handshake refused (`unauthorized`, `invalid lastEventId`) or the server is unreachable. */
  onError?: (error: Error & { data?: { reason?: string } }) => void;
  /** Extra socket.io-client options (e.g. reconnection delays in tests). */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

export interface RealtimeClient {
  readonly socket: RealtimeSocket;
  /** Highest eventId received (what a reconnect resumes from). */
  readonly lastEventId: number | undefined;
  setToken(token: string): void;
  /**
   * Couriers: report the device's position (at most one is accepted per second). Resolves with
   * the server's ack; `{ ok: false, error: 'disconnected' }` when not connected (nothing is queued:
   * a stale position is worth nothing).
   */
  sendLocation(report: CourierLocationReport): Promise<CourierLocationAck | { ok: false; error: 'disconnected' }>;
  close(): void;
}

const LIVE_EVENTS: LiveEventName[] = [
  'order.status',
  'order.available',
  'order.taken',
  'statistics.changed',
  'orders.changed',
];
const SERVER_RETRY_MS = 1000;

/**
 * Connects to the realtime app over WebSocket and keeps the stream gap-free across reconnects:
 * the handshake is rebuilt on every (re)connect with the current token and lastEventId, so the
 * server replays what was missed; duplicates are dropped by eventId.
 */
export function connectRealtime(options: RealtimeClientOptions): RealtimeClient {
  const cursor = new EventCursor(options.lastEventId);
  let token = options.token;
  let closed = false;
  const auth = (): RealtimeHandshakeAuth =>
    cursor.lastEventId === undefined ? { token } : { token, lastEventId: cursor.lastEventId };

  const socket: RealtimeSocket = io(options.url, {
    transports: ['websocket'],
    // A function: socket.io calls it before every (re)connect attempt.
    auth: (send) => send({ ...auth() }),
    ...options.socket,
  });

  for (const name of LIVE_EVENTS) {
    socket.on(name, (payload: { eventId: number }) => {
      if (!cursor.accept(payload.eventId, name)) return;
      (options.on?.[name] as ((payload: unknown) => void) | undefined)?.(payload);
    });
  }
  const newestAt = new Map<number, number>();
  socket.on('order.courier_location', (payload) => {
    if ((newestAt.get(payload.orderId) ?? -Infinity) > payload.at) return;
    newestAt.set(payload.orderId, payload.at);
    options.onCourierLocation?.(payload);
  });
  socket.on('ready', (payload) => {
    cursor.advanceTo(payload.lastEventId);
    options.onReady?.(payload);
  });
  socket.on('resync', (payload) => {
    if (payload.reason === 'store_reset') cursor.resetTo(payload.lastEventId);
    else cursor.advanceTo(payload.lastEventId);
    options.onResync?.(payload);
  });
  socket.on('connect_error', (error) => options.onError?.(error));
  socket.on('disconnect', (reason) => {
    // socket.io does not retry after a server-side disconnect (token expiry, failed replay):
    // try once more; an expired token then fails the handshake with "unauthorized".
    if (reason === 'io server disconnect' && !closed) setTimeout(() => !closed && socket.connect(), SERVER_RETRY_MS);
  });

  return {
    socket,
    get lastEventId() {
      return cursor.lastEventId;
    },
    setToken(next: string) {
      token = next;
    },
    sendLocation(report) {
      if (!socket.connected) return Promise.resolve({ ok: false, error: 'disconnected' });
      return new Promise((resolve) => socket.emit('courier.location', report, resolve));
    },
    close() {
      closed = true;
      socket.disconnect();
    },
  };
}
