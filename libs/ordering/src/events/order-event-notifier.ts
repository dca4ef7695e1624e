import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ORDER_EVENTS_CHANNEL } from '@shopwire/contracts';
import { Redis } from 'ioredis';
import { ORDERING_OPTIONS, type OrderingOptions } from '../ordering-options.js';

/**
 * Announces committed order events on Redis (ORDER_EVENTS_CHANNEL, message = highest new event
 * id). Strictly best effort: the `order_events` table is the source of truth, so a request never
 * waits for Redis and never fails because of it. Nudges of one event-loop turn are coalesced
 * into one PUBLISH of the highest id.
 */
@Injectable()
export class OrderEventNotifier implements OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventNotifier.name);
  private readonly redis: Redis;
  private pendingId = 0;
  private scheduled = false;
  private lastFailureLog = 0;

  constructor(@Inject(ORDERING_OPTIONS) options: OrderingOptions) {
    this.redis = new Redis(options.redisUrl, {
      // Fail a PUBLISH at once while disconnected instead of queueing it behind a reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
      connectTimeout: 2000,
      lazyConnect: false,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Without a listener ioredis reports connection errors as unhandled.
    this.redis.on('error', (error: Error) => this.logFailure(error));
  }

  /** Call after COMMIT with the new event id; returns immediately. */
  nudge(eventId: number): void {
    if (eventId > this.pendingId) this.pendingId = eventId;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const id = this.pendingId;
    this.scheduled = false;
    this.pendingId = 0;
    this.redis.publish(ORDER_EVENTS_CHANNEL, String(id)).catch((error: Error) => this.logFailure(error));
  }

  private logFailure(error: Error): void {
    // One line per 10 s: an outage must not flood the log at request rate.
    const now = Date.now();
    if (now - this.lastFailureLog < 10_000) return;
    this.lastFailureLog = now;
    this.logger.warn({ err: error }, 'Order event nudge not published (Redis)');
  }

  /** Sends a pending nudge, then closes: QUIT when connected (drains), else drop the socket. */
  async onApplicationShutdown(): Promise<void> {
    if (this.scheduled) this.flush();
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
