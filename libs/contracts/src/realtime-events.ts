import type { OrderStatus } from './order-status.js';
import type { Role } from './roles.js';

/**
 * The live (Socket.IO) interface of the realtime app, shared by the gateway, the client library,
 * the web page and the tests. Described for humans in docs/realtime.md and docs/asyncapi.yaml.
 *
 * Every order event carries `eventId`: the `order_events` row id. Ids only grow, so a client
 * keeps the highest one it has seen, drops anything not above it (duplicates), and sends it back
 * as `lastEventId` when it reconnects to be replayed what it missed.
 */

/**
 * An order changed status. Room: its customer's (CREATED, PENDING, COMPLETE), and the room of
 * the courier who picked it up (PENDING, COMPLETE), so *My deliveries* follows it live. A PENDING
 * event reaches that courier twice with one `eventId`: as `order.taken` and as `order.status`.
 */
export interface OrderStatusPayload {
  eventId: number;
  orderId: number;
  status: OrderStatus;
  /** ISO 8601 UTC with milliseconds. */
  occurredAt: string;
}

/** A new order waits for a courier (status CREATED). Room: couriers. */
export interface OrderAvailablePayload {
  eventId: number;
  orderId: number;
  /** The ordering customer's email, as `/orders_to_deliver` shows it. */
  email: string;
  occurredAt: string;
}

/** An order was picked up (status PENDING) and leaves the board. Room: couriers. */
export interface OrderTakenPayload {
  eventId: number;
  orderId: number;
  occurredAt: string;
}

/**
 * Sent once per connection, after the replay: every event up to `lastEventId` that concerns this
 * client has been sent; what follows is live.
 */
export interface ReadyPayload {
  lastEventId: number;
  /** How many events the replay sent. */
  replayed: number;
}

/**
 * The client must refetch its state over HTTP (`/status`, `/orders_to_deliver`) and continue
 * from `lastEventId`: it is too far behind to be replayed event by event, or the store database
 * was reset or restored (`store_reset`: event ids start again, so `lastEventId` may be LOWER
 * than what the client has seen, and the client takes it as its new position).
 */
export interface ResyncPayload {
  lastEventId: number;
  reason: 'too_far_behind' | 'store_reset';
}

/**
 * The sales statistics (`/product_statistics`, `/category_statistics`) changed: order events that
 * move them (CREATED, COMPLETE) were committed. Room: owners. Throttled per replica to at most one
 * per `REALTIME_STATISTICS_INTERVAL_MS` (1 s); a dashboard refetches both endpoints on it.
 */
export interface StatisticsChangedPayload {
  /** The highest order event id the statistics now include; like order events, it only grows. */
  eventId: number;
  /** How many statistics-moving order events this signal covers (since the previous one). */
  orderEvents: number;
  /** When the newest of them occurred (ISO 8601 UTC with milliseconds). */
  occurredAt: string;
}

/**
 * Orders changed (issue 20 item 7): order events of any kind (CREATED, PENDING, COMPLETE) were
 * committed, so the owner's `GET /orders` answers differently. Room: owners. Throttled like
 * `statistics.changed` (same interval, independently of it); an Orders view refetches on it.
 */
export interface OrdersChangedPayload {
  /** The highest order event id read so far; like order events, it only grows. */
  eventId: number;
  /** When the newest of the covered order events occurred (ISO 8601 UTC with milliseconds). */
  occurredAt: string;
}

/**
 * Where the courier of one of the customer's PENDING orders is (issue 12). Room: the customer's.
 * Ephemeral, not an order event: no `eventId`, no replay; a (re)connecting customer gets the
 * latest known position of each PENDING order instead. Keep the newest `at` per order.
 */
export interface CourierLocationPayload {
  orderId: number;
  lat: number;
  lng: number;
  /** When the courier's device measured it, milliseconds since the Unix epoch. */
  at: number;
  /**
   * Seconds to the delivery location (≥ 0, integer), from a speed bounded to what a courier can do
   * (ADR 0020); null = unknown: the order has no location, or there is not yet evidence enough of
   * the courier's speed (docs/realtime.md). Show null as "unknown", never as "arriving now".
   */
  etaSeconds: number | null;
}

export interface ServerToClientEvents {
  'order.status': (payload: OrderStatusPayload) => void;
  'statistics.changed': (payload: StatisticsChangedPayload) => void;
  'orders.changed': (payload: OrdersChangedPayload) => void;
  'order.available': (payload: OrderAvailablePayload) => void;
  'order.taken': (payload: OrderTakenPayload) => void;
  'order.courier_location': (payload: CourierLocationPayload) => void;
  ready: (payload: ReadyPayload) => void;
  resync: (payload: ResyncPayload) => void;
}

/** A courier's position, sent while it holds PENDING orders (at most 1 accepted per second). */
export interface CourierLocationReport {
  lat: number;
  lng: number;
  /** Metres (Geolocation API `coords.accuracy`). */
  accuracy?: number;
  /** Degrees clockwise from true north, 0 ≤ heading < 360. */
  heading?: number;
  /** Metres per second, ≥ 0; used for the ETA when given. */
  speed?: number;
  /** Measurement time, milliseconds since the Unix epoch: not in the future, not older than 30 s. */
  at: number;
}

/**
 * Answer to every `courier.location` (the acknowledgement callback). Never a disconnect:
 * `rate_limited` carries how long to wait; `no_active_orders` means nothing to share (not picked
 * up yet, or all delivered) — the client may stop sending until it picks up an order.
 */
export type CourierLocationAck =
  | { ok: true; orders: number }
  | { ok: false; error: 'rate_limited'; retryInMs: number }
  | { ok: false; error: 'invalid' | 'forbidden' | 'no_active_orders' | 'unavailable' };

export type CourierLocationError = Extract<CourierLocationAck, { ok: false }>['error'];

/** Couriers report positions; everything else is server → client. */
export interface ClientToServerEvents {
  'courier.location': (report: CourierLocationReport, ack?: (answer: CourierLocationAck) => void) => void;
}

/** Order events a client can receive; they all carry `eventId`. */
export type OrderEventName = 'order.status' | 'order.available' | 'order.taken';

/** Owners' throttled signals: each carries the newest `eventId` read, so they share ids with each other. */
export type OwnerSignalName = 'statistics.changed' | 'orders.changed';

/**
 * Every pushed event that carries `eventId` (a client de-duplicates them by it: order events on
 * one cursor, each owner signal on its own, since both signals may carry the same id).
 */
export type LiveEventName = OrderEventName | OwnerSignalName;

/** What a client sends in the Socket.IO handshake (`io(url, { auth })`). */
export interface RealtimeHandshakeAuth {
  /** The access token from `/login` (no "Bearer " prefix). */
  token: string;
  /** The highest `eventId` already received; omit on a first connection. */
  lastEventId?: number;
}

/** The `connect_error` message for every refused handshake (its `data.reason` says why). */
export const REALTIME_UNAUTHORIZED = 'unauthorized';
/** The `connect_error` message when `lastEventId` is not a non-negative integer. */
export const REALTIME_INVALID_LAST_EVENT_ID = 'invalid lastEventId';

/** Roles that may open a live connection (owners get `statistics.changed` and `orders.changed` only). */
export const REALTIME_ROLES: readonly Role[] = ['customer', 'courier', 'owner'];

export const COURIERS_ROOM = 'couriers';
export const OWNERS_ROOM = 'owners';

/** One courier's room: the status changes of the orders it picked up. */
export function courierRoom(email: string): string {
  return `courier:${email.toLowerCase()}`;
}

/** A customer's room; emails compare case-insensitively (contract §0.4). */
export function customerRoom(email: string): string {
  return `customer:${email.toLowerCase()}`;
}
