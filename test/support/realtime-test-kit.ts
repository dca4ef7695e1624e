import type { CourierLocationPayload, OrderEventName, ReadyPayload, ResyncPayload } from '@shopwire/contracts';
import { connectRealtime, type RealtimeClient } from '@shopwire/realtime-client';
import { listenForTest, testEnv, waitUntil, type RunningTestApp } from '@shopwire/testing';
import { createAppFromEnv } from './app-boot.js';

/** Boots a realtime replica on a free port against the given store database. */
export async function startRealtime(
  storeDatabaseUrl: string,
  env: Record<string, string> = {},
): Promise<RunningTestApp> {
  const appEnv = testEnv({ STORE_DATABASE_URL: storeDatabaseUrl, REALTIME_POLL_INTERVAL_MS: '100', ...env });
  return listenForTest(await createAppFromEnv('realtime', appEnv));
}

export interface ReceivedEvent {
  name: OrderEventName;
  eventId: number;
  orderId: number;
  status?: string;
}

/** A real client (the library the web page uses) that records what it receives. */
export interface RecordingClient {
  client: RealtimeClient;
  events: ReceivedEvent[];
  readies: ReadyPayload[];
  resyncs: ResyncPayload[];
  /** `order.courier_location` payloads received (customers only ever get these). */
  positions: CourierLocationPayload[];
  /** Resolves once `predicate` holds over the received events, or rejects after `timeoutMs`. */
  waitFor(predicate: (events: ReceivedEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function connectRecording(url: string, token: string, lastEventId?: number): Promise<RecordingClient> {
  const events: ReceivedEvent[] = [];
  const readies: ReadyPayload[] = [];
  const resyncs: ResyncPayload[] = [];
  const positions: CourierLocationPayload[] = [];
  const record = (name: OrderEventName) => (payload: { eventId: number; orderId: number; status?: string }) =>
    events.push({ name, eventId: payload.eventId, orderId: payload.orderId, status: payload.status });
  let ready!: () => void;
  let fail!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => ((ready = resolve), (fail = reject)));
  const client = connectRealtime({
    url,
    token,
    lastEventId,
    on: {
      'order.status': record('order.status'),
      'order.available': record('order.available'),
      'order.taken': record('order.taken'),
    },
    onCourierLocation: (payload) => positions.push(payload),
    onReady: (payload) => (readies.push(payload), ready()),
    onResync: (payload) => resyncs.push(payload),
    onError: (error) => fail(error),
    socket: { reconnectionDelay: 100, reconnectionDelayMax: 300, forceNew: true },
  });
  await withTimeout(connected, 5000, 'no ready event');
  return {
    client,
    events,
    readies,
    resyncs,
    positions,
    waitFor: (predicate, timeoutMs = 5000) =>
      waitUntil(
        () => predicate(events),
        timeoutMs,
        () => JSON.stringify(events),
      ),
    close: () => client.close(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
