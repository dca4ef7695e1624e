import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { OWNERS_ROOM, type OrderEventRecord } from '@shopwire/contracts';
import { movesStatistics } from '@shopwire/statistics';
import { send, type RealtimeServer } from '../gateway/realtime-socket.js';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { ThrottledSignal } from './throttled-signal.js';

/**
 * What owners' sockets hear, throttled alike (`REALTIME_STATISTICS_INTERVAL_MS`, per replica):
 * - `statistics.changed` when a CREATED or COMPLETE event commits. The statistics API answers from
 *   aggregates plus still-unapplied events (ADR 0004), so the figures change the moment the
 *   tailer reads such an event — no need to wait for the worker. PENDING moves no figure.
 * - `orders.changed` on EVERY order event (a pick-up changes the owner's order list too), so the
 *   Orders view refetches `GET /orders` (issue 20 item 7).
 * Signals are sent only if a server is attached, i.e. while the app runs.
 */
@Injectable()
export class OwnerSignals implements OnApplicationShutdown {
  private server?: RealtimeServer;
  private readonly statistics: ThrottledSignal;
  private readonly orders: ThrottledSignal;

  constructor(@Inject(REALTIME_CONFIG) config: RealtimeConfig) {
    const interval = config.REALTIME_STATISTICS_INTERVAL_MS;
    this.statistics = new ThrottledSignal(interval, movesStatistics, (summary) => {
      if (this.server) send(this.server.to(OWNERS_ROOM), 'statistics.changed', summary);
    });
    this.orders = new ThrottledSignal(
      interval,
      () => true,
      ({ eventId, occurredAt }) => {
        if (this.server) send(this.server.to(OWNERS_ROOM), 'orders.changed', { eventId, occurredAt });
      },
    );
  }

  attach(server: RealtimeServer): void {
    this.server = server;
  }

  /** Events the tailer delivered (committed, in id order). */
  note(events: readonly OrderEventRecord[]): void {
    this.statistics.note(events);
    this.orders.note(events);
  }

  onApplicationShutdown(): void {
    this.statistics.close();
    this.orders.close();
  }
}
