import type { ClientToServerEvents, Role, ServerToClientEvents } from '@shopwire/contracts';
import type { Server, Socket } from 'socket.io';

/** What the handshake established about a connection. */
export interface RealtimeSocketData {
  email: string;
  role: Role;
  /** Token expiry, seconds since the epoch. */
  exp: number;
  /** Highest event id the client already has; undefined on a first connection. */
  lastEventId?: number;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, {}, RealtimeSocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, RealtimeSocketData>;
