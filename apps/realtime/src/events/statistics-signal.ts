import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { OWNERS_ROOM, type OrderEventRecord, type StatisticsChangedPayload } from '@shopwire/contracts';
import { movesStatistics } from '@shopwire/statistics';
import { send, type RealtimeServer } from '../gateway/realtime-socket.js';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';

/**
 * Tells owners' sockets that the sales statistics changed. The statistics API answers from
 * aggregates plus still-unapplied events (ADR 0004), so they change the moment a CREATED or
 * COMPLETE event commits, i.e. when the tailer reads it — no need to wait for the worker.
 *
 * One compact signal instead of the events themselves: an order burst of thousands of events
 * costs owners at most one `statistics.changed` per interval (leading edge at once, then one
 * trailing signal covering everything that arrived meanwhile), and a dashboard refetches at
 * most that often.
 */
@Injectable()
export class StatisticsSignal implements OnApplicationShutdown {
  private server?: RealtimeServer;
  private pending?: StatisticsChangedPayload;
  private latestEventId = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig) {}

  attach(server: RealtimeServer): void {
    this.server = server;
  }

  /** Events the tailer delivered (committed, in id order). */
  note(events: readonly OrderEventRecord[]): void {
    for (const event of events) {
      this.latestEventId = Math.max(this.latestEventId, event.id);
      if (!movesStatistics(event.status)) continue;
      this.pending = {
        eventId: event.id,
        orderEvents: (this.pending?.orderEvents ?? 0) + 1,
        occurredAt: event.occurredAt,
      };
    }
    if (!this.pending || this.timer) return;
    const wait = this.lastSentAt + this.config.REALTIME_STATISTICS_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    const payload = this.pending;
    if (!payload || !this.server) return;
    this.pending = undefined;
    this.lastSentAt = Date.now();
    // Everything read so far is included, PENDING events too: the id a reconnect resumes from.
    send(this.server.to(OWNERS_ROOM), 'statistics.changed', { ...payload, eventId: this.latestEventId });
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }
}
