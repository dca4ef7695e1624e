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

/** A customer's own order changed status (CREATED, PENDING, COMPLETE). Room: the customer's. */
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

export interface ServerToClientEvents {
  'order.status': (payload: OrderStatusPayload) => void;
  'order.available': (payload: OrderAvailablePayload) => void;
  'order.taken': (payload: OrderTakenPayload) => void;
  ready: (payload: ReadyPayload) => void;
  resync: (payload: ResyncPayload) => void;
}

/** Clients only listen; the connection itself (handshake auth) is the only request. */
export interface ClientToServerEvents {}

/** Order events a client can receive; they all carry `eventId`. */
export type OrderEventName = 'order.status' | 'order.available' | 'order.taken';

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

/** Roles that may open a live connection. */
export const REALTIME_ROLES: readonly Role[] = ['customer', 'courier'];

export const COURIERS_ROOM = 'couriers';

/** A customer's room; emails compare case-insensitively (contract §0.4). */
export function customerRoom(email: string): string {
  return `customer:${email.toLowerCase()}`;
}
