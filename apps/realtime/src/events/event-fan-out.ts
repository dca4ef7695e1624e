import { Injectable } from '@nestjs/common';
import type { OrderEventRecord } from '@shopwire/contracts';
import type { RealtimeServer, RealtimeSocket } from '../gateway/realtime-socket.js';
import { emissionsFor, type Emission } from './event-routing.js';

interface HeldSocket {
  socket: RealtimeSocket;
  rooms: string[];
  held: Emission[];
}

/** Emits one emission; the union of typed events is sent through the untyped signature. */
export function send(target: { emit: (...args: any[]) => unknown }, emission: Emission): void {
  target.emit(emission.event, emission.payload);
}

/**
 * Sends tailed order events to the rooms of THIS replica's sockets. A socket being replayed has
 * not joined its rooms yet; live events meant for it are held and flushed when the replay ends,
 * in the same tick as the join, so nothing falls between replay and live delivery.
 */
@Injectable()
export class EventFanOut {
  private server?: RealtimeServer;
  private readonly replaying = new Map<string, HeldSocket>();

  attach(server: RealtimeServer): void {
    this.server = server;
  }

  deliver(events: readonly OrderEventRecord[]): void {
    for (const event of events) {
      for (const emission of emissionsFor(event)) {
        if (this.server) send(this.server.to(emission.room), emission);
        for (const pending of this.replaying.values()) {
          if (pending.rooms.includes(emission.room)) pending.held.push(emission);
        }
      }
    }
  }

  /** Every connected client must refetch its state and take `lastEventId` as its position. */
  resyncAll(lastEventId: number): void {
    this.server?.emit('resync', { lastEventId, reason: 'store_reset' });
  }

  /** Starts holding live events for a socket about to be replayed. */
  hold(socket: RealtimeSocket, rooms: string[]): void {
    this.replaying.set(socket.id, { socket, rooms, held: [] });
  }

  /** Joins the socket to its rooms and sends the held events with an id above `after`. */
  release(socket: RealtimeSocket, after: number): void {
    const pending = this.replaying.get(socket.id);
    if (!pending) return;
    this.replaying.delete(socket.id);
    void socket.join(pending.rooms);
    for (const emission of pending.held) {
      if (emission.payload.eventId > after) send(socket, emission);
    }
  }

  forget(socket: RealtimeSocket): void {
    this.replaying.delete(socket.id);
  }
}
