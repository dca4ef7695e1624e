import type { ClientToServerEvents, Role, ServerToClientEvents } from '@shopwire/contracts';
import type { Server, Socket } from 'socket.io';

/** What the handshake established about a connection. */
export interface RealtimeSocketData {
  email: string;
  role: Role;
  /** Token expiry, seconds since the epoch. */
  exp: number;
  /** The account incarnation of the token's `jti` (ADR 0017); '' when it has none. */
  incarnation: string;
  /** Highest event id the client already has; undefined on a first connection. */
  lastEventId?: number;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, {}, RealtimeSocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, RealtimeSocketData>;

/** Anything that sends the server's events: the server, a room of it, one socket. */
export interface ServerEventTarget {
  emit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): unknown;
}

/** Every server event goes out through here, its payload type checked against the event's name. */
export function send<E extends keyof ServerToClientEvents>(
  target: ServerEventTarget,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
): void {
  target.emit(event, ...args);
}
