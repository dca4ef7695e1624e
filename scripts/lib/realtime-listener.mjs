// A live client of the realtime app that records every order event it receives. The resume
// logic (handshake `lastEventId` on every reconnect, `ready`/`resync`, reconnecting after a
// server-side disconnect, dropping repeats by eventId) is libs/realtime-client's, from the build
// (dist). This records from its socket's raw deliveries instead of the client's de-duplicated
// handlers, so what the server sent is what is checked: duplicates and out-of-order deliveries
// (which the client would drop) are counted, and each event is kept once.
import { connectRealtime } from '../../dist/libs/realtime-client/src/index.js';
import { signToken } from './tokens.mjs';

const ORDER_EVENTS = ['order.status', 'order.available', 'order.taken'];

const streamKey = (eventId, name) => `${eventId} ${name}`;

export class RealtimeListener {
  constructor(url, token, label) {
    this.label = label;
    this.events = new Map();
    this.highestSeen = 0;
    this.duplicates = 0;
    this.outOfOrder = 0;
    this.connects = 0;
    this.readies = 0;
    this.resyncs = 0;
    this.connectErrors = 0;
    // lastEventId 0 from the start: the store is empty, so every event is expected.
    this.client = connectRealtime({
      url,
      token,
      lastEventId: 0,
      onReady: () => this.readies++,
      onResync: () => this.resyncs++,
      onError: () => this.connectErrors++,
      socket: { reconnectionDelay: 200, reconnectionDelayMax: 2000, timeout: 10_000 },
    });
    this.socket = this.client.socket;
    this.socket.on('connect', () => this.connects++);
    for (const name of ORDER_EVENTS) this.socket.on(name, (payload) => this.record(name, payload));
  }

  record(name, payload) {
    const id = payload.eventId;
    // Keyed by id and name: a courier gets its own pick-up as order.taken and order.status.
    const key = streamKey(id, name);
    if (this.events.has(key)) {
      this.duplicates++;
      return;
    }
    if (id < this.highestSeen) this.outOfOrder++;
    this.events.set(key, { name, ...payload });
    this.highestSeen = Math.max(this.highestSeen, id);
  }

  /** Resolves at the first `ready` (the replay is done); rejects after `timeoutMs`. */
  waitReady(timeoutMs = 20_000) {
    if (this.readies > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.label}: no ready within ${timeoutMs} ms`)), timeoutMs);
      this.socket.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close() {
    this.client.close();
  }
}

/**
 * A listener per customer email (keyed by email, customer token) and per courier email (courier
 * token) on the realtime app at `url`; resolves once every one has had its first `ready`.
 * `readyTimeoutMs` bounds each wait (the listener's default when not given).
 */
export async function connectRealtimeClients(url, { customers, couriers, readyTimeoutMs }) {
  const customerListeners = new Map(
    customers.map((email) => [email, new RealtimeListener(url, signToken(email, 'customer'), email)]),
  );
  const courierListeners = couriers.map((email) => new RealtimeListener(url, signToken(email, 'courier'), email));
  const all = [...customerListeners.values(), ...courierListeners];
  await Promise.all(all.map((listener) => listener.waitReady(readyTimeoutMs)));
  return { customers: customerListeners, couriers: courierListeners, all };
}

/** What a customer must have received: an `order.status` for every event of its orders. */
export function expectedCustomerStream(events, email) {
  return events
    .filter((event) => event.customerEmail.toLowerCase() === email.toLowerCase())
    .map((event) => ({ eventId: event.id, name: 'order.status', orderId: event.orderId, status: event.status }));
}

/**
 * What a courier must have received: `order.available` per CREATED, `order.taken` per PENDING,
 * and `order.status` per PENDING/COMPLETE of the orders it picked up itself.
 */
export function expectedCourierStream(events, email) {
  const board = events
    .filter((event) => event.status !== 'COMPLETE')
    .map((event) => ({
      eventId: event.id,
      name: event.status === 'CREATED' ? 'order.available' : 'order.taken',
      orderId: event.orderId,
      ...(event.status === 'CREATED' ? { email: event.customerEmail } : {}),
    }));
  const own = events
    .filter((event) => event.status !== 'CREATED' && event.courierEmail?.toLowerCase() === email.toLowerCase())
    .map((event) => ({ eventId: event.id, name: 'order.status', orderId: event.orderId, status: event.status }));
  return [...board, ...own];
}

/** Missing, unexpected and mismatching events of one listener against its expected stream. */
export function compareStream(listener, expected) {
  let missing = 0;
  let mismatched = 0;
  for (const want of expected) {
    const got = listener.events.get(streamKey(want.eventId, want.name));
    if (!got) missing++;
    else if (Object.entries(want).some(([key, value]) => got[key] !== value)) mismatched++;
  }
  const expectedIds = new Set(expected.map((event) => streamKey(event.eventId, event.name)));
  const unexpected = [...listener.events.keys()].filter((id) => !expectedIds.has(id)).length;
  return { expected: expected.length, received: listener.events.size, missing, unexpected, mismatched };
}

/**
 * Every customer listener against its orders' events and every courier listener against all
 * CREATED/PENDING events plus its own deliveries' status changes. `customers` maps email → listener; `couriers` is a list of listeners.
 */
export function auditStreams(customers, couriers, events) {
  const totals = { expected: 0, received: 0, missing: 0, unexpected: 0, mismatched: 0, duplicates: 0, outOfOrder: 0 };
  const add = (listener, expected) => {
    const result = compareStream(listener, expected);
    for (const key of ['expected', 'received', 'missing', 'unexpected', 'mismatched']) totals[key] += result[key];
    totals.duplicates += listener.duplicates;
    totals.outOfOrder += listener.outOfOrder;
  };
  for (const [email, listener] of customers) add(listener, expectedCustomerStream(events, email));
  for (const listener of couriers) add(listener, expectedCourierStream(events, listener.label));
  return totals;
}

/** Polls `readEvents()` and the listeners until nothing is missing; returns ms taken or null. */
export async function waitForStreams(customers, couriers, readEvents, timeoutMs) {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    const totals = auditStreams(customers, couriers, await readEvents());
    if (totals.missing === 0) return Date.now() - began;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

/** Order id → status of the highest `order.status` event a customer listener received. */
export function streamOrderStates(listener) {
  const states = new Map();
  const events = [...listener.events.values()].filter((event) => event.name === 'order.status');
  for (const event of events.sort((a, b) => a.eventId - b.eventId)) states.set(event.orderId, event.status);
  return states;
}

/**
 * Every client received every event (`receivedCheck` names the check; `complete`: the wait for
 * the streams ended in time), none unexpected or mismatching, and with `inOrder` in id order.
 */
export function checkRealtimeStreams(verdict, streams, { receivedCheck, complete, inOrder = false }) {
  verdict.check(receivedCheck, complete && streams.missing === 0, `missing ${streams.missing}`);
  verdict.check(
    'no unexpected or mismatching event',
    streams.unexpected === 0 && streams.mismatched === 0,
    `unexpected ${streams.unexpected}, mismatched ${streams.mismatched}`,
  );
  if (inOrder) {
    verdict.check('events arrive in id order on each connection', streams.outOfOrder === 0, `${streams.outOfOrder}`);
  }
}

/** Events expected / received, duplicate deliveries and socket reconnects over all `listeners`. */
export function noteRealtimeStreams(verdict, streams, listeners) {
  verdict.note('events expected / received by clients', `${streams.expected} / ${streams.received}`);
  verdict.note('duplicate deliveries (dropped by eventId)', streams.duplicates);
  verdict.note(
    'socket reconnects',
    listeners.reduce((n, l) => n + l.connects - 1, 0),
  );
}
