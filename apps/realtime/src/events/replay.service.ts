import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  COURIERS_ROOM,
  courierRoom,
  customerRoom,
  OWNERS_ROOM,
  type OrderEventRecord,
  type Role,
} from '@shopwire/contracts';
import { EventFanOut, sendEmission } from './event-fan-out.js';
import { emissionsFor } from './event-routing.js';
import { OrderEventsRepository } from '@shopwire/ordering';
import { OrderEventTailer } from './order-event-tailer.js';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { send, type RealtimeSocket } from '../gateway/realtime-socket.js';

/**
 * Brings a new connection up to date: replays, from the table, every event after the client's
 * `lastEventId` that concerns it, up to this replica's tail cursor; then joins its rooms for live
 * events (those that arrived meanwhile were held by the fan-out) and says `ready`. Owners have
 * nothing to replay: `ready` is their cue to (re)fetch the statistics over HTTP.
 */
@Injectable()
export class ReplayService {
  private readonly logger = new Logger(ReplayService.name);

  constructor(
    @Inject(OrderEventsRepository) private readonly reader: OrderEventsRepository,
    @Inject(OrderEventTailer) private readonly tailer: OrderEventTailer,
    @Inject(EventFanOut) private readonly fanOut: EventFanOut,
    @Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig,
  ) {}

  async start(socket: RealtimeSocket): Promise<void> {
    const { email, role, lastEventId } = socket.data;
    const rooms = roomsOf(role, email);
    // Same tick: from here on live events above `upTo` are held for this socket.
    this.fanOut.hold(socket, rooms);
    const upTo = this.tailer.cursor;
    let replayed = 0;
    let position = Math.max(upTo, lastEventId ?? 0);
    try {
      if (lastEventId !== undefined && lastEventId > upTo && (await this.reader.latestId()) < lastEventId) {
        // The client saw ids this store never reached: it was reset or restored since.
        send(socket, 'resync', { lastEventId: upTo, reason: 'store_reset' });
        realtimeMetrics.replays.inc({ outcome: 'resync' });
        position = upTo;
      } else if (role !== 'owner' && lastEventId !== undefined && lastEventId < upTo) {
        const limit = this.config.REALTIME_REPLAY_LIMIT;
        const events = await this.missedEvents(socket, lastEventId, upTo, limit + 1);
        if (events.length > limit) {
          send(socket, 'resync', { lastEventId: upTo, reason: 'too_far_behind' });
          realtimeMetrics.replays.inc({ outcome: 'resync' });
        } else {
          replayed = this.send(socket, events, rooms);
          realtimeMetrics.replays.inc({ outcome: 'replayed' });
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'replay failed, disconnecting so the client retries');
      this.fanOut.forget(socket);
      socket.disconnect(true);
      return;
    }
    if (!socket.connected) return this.fanOut.forget(socket);
    send(socket, 'ready', { lastEventId: position, replayed });
    this.fanOut.release(socket, position);
  }

  private missedEvents(socket: RealtimeSocket, after: number, upTo: number, limit: number) {
    return socket.data.role === 'courier'
      ? this.reader.forCourier(socket.data.email, after, upTo, limit)
      : this.reader.forCustomer(socket.data.email, after, upTo, limit);
  }

  private send(socket: RealtimeSocket, events: OrderEventRecord[], rooms: string[]): number {
    let sent = 0;
    for (const event of events) {
      for (const emission of emissionsFor(event)) {
        if (!rooms.includes(emission.room)) continue;
        sendEmission(socket, emission);
        sent++;
      }
    }
    return sent;
  }
}

/** A courier hears the board (every courier) and its own deliveries (its room). */
function roomsOf(role: Role, email: string): string[] {
  if (role === 'courier') return [COURIERS_ROOM, courierRoom(email)];
  if (role === 'owner') return [OWNERS_ROOM];
  return [customerRoom(email)];
}
