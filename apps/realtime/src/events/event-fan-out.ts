import { Inject, Injectable } from '@nestjs/common';
import type { OrderEventRecord } from '@shopwire/contracts';
import { send, type RealtimeServer, type RealtimeSocket, type ServerEventTarget } from '../gateway/realtime-socket.js';
import { emissionsFor, type Emission } from './event-routing.js';
import { OwnerSignals } from './owner-signals.js';

interface HeldSocket {
  socket: RealtimeSocket;
  rooms: string[];
  held: Emission[];
}

/** Sends one routed emission (the switch lets the compiler pair each event with its payload). */
export function sendEmission(target: ServerEventTarget, emission: Emission): void {
  switch (emission.event) {
    case 'order.status':
      return send(target, emission.event, emission.payload);
    case 'order.available':
      return send(target, emission.event, emission.payload);
    case 'order.taken':
      return send(target, emission.event, emission.payload);
  }
}

/**
 * Sends tailed order events to the rooms of THIS replica's sockets. A socket being replayed has
 * not joined its rooms yet; live events meant for it are held and flushed when the replay ends,
 * in the same tick as the join, so nothing falls between replay and live delivery. Owners get no
 * order events, only the throttled `statistics.changed` and `orders.changed` of OwnerSignals.
 */
@Injectable()
export class EventFanOut {
  private server?: RealtimeServer;
  private readonly replaying = new Map<string, HeldSocket>();

  constructor(@Inject(OwnerSignals) private readonly ownerSignals: OwnerSignals) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    this.ownerSignals.attach(server);
  }

  deliver(events: readonly OrderEventRecord[]): void {
    for (const event of events) {
      for (const emission of emissionsFor(event)) {
        if (this.server) sendEmission(this.server.to(emission.room), emission);
        for (const pending of this.replaying.values()) {
          if (pending.rooms.includes(emission.room)) pending.held.push(emission);
        }
      }
    }
    this.ownerSignals.note(events);
  }

  /** Every connected client must refetch its state and take `lastEventId` as its position. */
  resyncAll(lastEventId: number): void {
    if (this.server) send(this.server, 'resync', { lastEventId, reason: 'store_reset' });
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
      if (emission.payload.eventId > after) sendEmission(socket, emission);
    }
  }

  forget(socket: RealtimeSocket): void {
    this.replaying.delete(socket.id);
  }
}
