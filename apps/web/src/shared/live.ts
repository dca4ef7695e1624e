import type {
  CourierLocationAck,
  CourierLocationPayload,
  CourierLocationReport,
  LiveEventName,
  ServerToClientEvents,
} from '@shopwire/contracts';
import { REALTIME_UNAUTHORIZED } from '@shopwire/contracts';
import { connectRealtime, type RealtimeClient } from '@shopwire/realtime-client';
import { useEffect, useRef } from 'preact/hooks';
import { sessionRefused } from './session';
import { createStore } from './store';

/**
 * The one live connection of a signed-in user. Views subscribe to order events (customers,
 * couriers) or `statistics.changed` and `orders.changed` (owners)
 * and to "baseline" moments (replay done, or resync): after each, they refetch their state over
 * HTTP, so a view is right after any reconnect even if it mounted in the middle of one.
 */
export type ConnectionState = 'off' | 'connecting' | 'catching-up' | 'live' | 'reconnecting' | 'offline';

export const connectionStore = createStore<ConnectionState>('off');

type Handler<E extends LiveEventName> = ServerToClientEvents[E];
const handlers: { [E in LiveEventName]: Set<Handler<E>> } = {
  'order.status': new Set(),
  'order.available': new Set(),
  'order.taken': new Set(),
  'statistics.changed': new Set(),
  'orders.changed': new Set(),
};
const baselineListeners = new Set<() => void>();
const locationListeners = new Set<(payload: CourierLocationPayload) => void>();
let client: RealtimeClient | null = null;

function emit<E extends LiveEventName>(name: E, payload: Parameters<Handler<E>>[0]): void {
  for (const handler of [...handlers[name]]) (handler as (p: typeof payload) => void)(payload);
}

function baseline(): void {
  for (const listener of [...baselineListeners]) listener();
}

export function startLive(token: string): void {
  stopLive();
  connectionStore.set('connecting');
  const live = connectRealtime({
    url: location.origin,
    token,
    on: {
      'order.status': (payload) => emit('order.status', payload),
      'order.available': (payload) => emit('order.available', payload),
      'order.taken': (payload) => emit('order.taken', payload),
      'statistics.changed': (payload) => emit('statistics.changed', payload),
      'orders.changed': (payload) => emit('orders.changed', payload),
    },
    onCourierLocation: (payload) => {
      for (const listener of [...locationListeners]) listener(payload);
    },
    onReady: () => {
      connectionStore.set('live');
      baseline();
    },
    onResync: baseline,
    onError: (error) => {
      if (error.message === REALTIME_UNAUTHORIZED) {
        stopLive();
        sessionRefused(token);
      } else connectionStore.set('reconnecting');
    },
    socket: { reconnectionDelay: 500, reconnectionDelayMax: 3000 },
  });
  live.socket.on('connect', () => connectionStore.set('catching-up'));
  live.socket.on(
    'disconnect',
    () => client === live && connectionStore.set(navigator.onLine ? 'reconnecting' : 'offline'),
  );
  client = live;
  if (!navigator.onLine) goOffline();
  addEventListener('offline', goOffline);
  addEventListener('online', goOnline);
}

/**
 * The browser lost the network: say so at once (a dead socket would notice only at its next
 * missed ping, ~20 s later), and drop the socket so nothing pretends to be live.
 */
function goOffline(): void {
  if (!client) return;
  connectionStore.set('offline');
  client.socket.disconnect();
}

/** Back online: reconnect now; the replay (from the last event id) brings "Live" back. */
function goOnline(): void {
  if (!client || client.socket.connected) return;
  connectionStore.set('reconnecting');
  client.socket.connect();
}

export function stopLive(): void {
  const live = client;
  client = null;
  removeEventListener('offline', goOffline);
  removeEventListener('online', goOnline);
  live?.close();
  connectionStore.set('off');
}

/**
 * A renewed session (same person): the connection keeps its place in the event stream and
 * hands the server the new token from the next (re)connect on; one the old token's refusal
 * stopped starts again.
 */
export function renewLiveToken(token: string): void {
  if (!client) return startLive(token);
  client.setToken(token);
  if (!client.socket.active && navigator.onLine) client.socket.connect();
}

/** Calls `handler` for each live event `name` while the component is mounted. */
export function useLiveEvent<E extends LiveEventName>(name: E, handler: Handler<E>): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const forward = ((payload: never) => (latest.current as (p: never) => void)(payload)) as Handler<E>;
    handlers[name].add(forward);
    return () => void handlers[name].delete(forward);
  }, [name]);
}

/** Calls `refetch` on mount and after every replay/resync, while the component is mounted. */
export function useBaseline(refetch: () => void): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => {
    const listener = () => latest.current();
    baselineListeners.add(listener);
    listener();
    return () => void baselineListeners.delete(listener);
  }, []);
}

/** Customers: calls `handler` with each courier position of the customer's orders while mounted. */
export function useCourierLocation(handler: (payload: CourierLocationPayload) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (payload: CourierLocationPayload) => latest.current(payload);
    locationListeners.add(listener);
    return () => void locationListeners.delete(listener);
  }, []);
}

/** Couriers: reports a position over the live connection; resolves with the server's answer. */
export function sendLocation(
  report: CourierLocationReport,
): Promise<CourierLocationAck | { ok: false; error: 'disconnected' }> {
  return client ? client.sendLocation(report) : Promise.resolve({ ok: false, error: 'disconnected' });
}
