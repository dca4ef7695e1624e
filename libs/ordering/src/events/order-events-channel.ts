import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ORDER_EVENTS_CHANNEL } from '@shopwire/contracts';
import { createRedisClient, reportOutages } from '@shopwire/redis';
import type { Redis } from 'ioredis';

/**
 * The order-events channel: "order events were committed, look at `order_events`", on Redis
 * pub/sub (`ORDER_EVENTS_CHANNEL`, message = the highest new event id). Both ends live here.
 *
 * It is a wake-up call, never the data: the table is the source of truth. A message can be lost
 * (Redis down, a subscriber reconnecting), so every subscriber also polls or schedules, and is told
 * `subscribed` whenever its subscription is (re)established — the moment to catch up on what was
 * published while it was not listening.
 */

/** What a subscriber hears. */
export type OrderEventsSignal =
  /** Events up to `eventId` were committed (`eventId` undefined if the message was not a number). */
  | { kind: 'committed'; eventId?: number }
  /** Subscribed now (first time, or again after a reconnect): anything published before may have been missed. */
  | { kind: 'subscribed' };

export type OrderEventsListener = (signal: OrderEventsSignal) => void | Promise<void>;

/**
 * The publishing end, for the services that write order events: call `publish` after COMMIT.
 * Strictly best effort — a request never waits for Redis and never fails because of it. Ids
 * published in one event-loop turn are coalesced into one PUBLISH of the highest.
 */
export class OrderEventsPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsPublisher.name);
  private readonly redis: Redis;
  private pendingId = 0;
  private scheduled = false;
  private lastFailureLog = 0;

  constructor(redisUrl: string, name = 'order-events-publisher') {
    this.redis = createRedisClient(redisUrl, name, 'fail-fast');
    this.redis.on('error', (error: Error) => this.logFailure(error));
  }

  /** Announces committed events up to `eventId`; returns immediately. */
  publish(eventId: number): void {
    if (eventId > this.pendingId) this.pendingId = eventId;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends a pending message, then closes: QUIT when connected (drains), else drops the socket. */
  async close(): Promise<void> {
    if (this.scheduled) this.flush();
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
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
    this.logger.warn({ err: error }, 'order-events channel: not published (Redis)');
  }
}

/**
 * The listening end, for the realtime tailer and the worker's statistics and push triggers. One
 * connection serves every listener of the process; it reconnects and re-subscribes forever.
 */
export class OrderEventsSubscriber implements OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsSubscriber.name);
  private readonly listeners = new Set<OrderEventsListener>();
  private redis?: Redis;
  private readyBefore = false;

  constructor(
    private readonly redisUrl: string,
    private readonly name = 'order-events-subscriber',
  ) {}

  /**
   * Adds a listener. Resolves once subscribed and the listener has handled its first `subscribed`;
   * while Redis is away that waits for it — do not await where the app must serve meanwhile.
   */
  async subscribe(listener: OrderEventsListener): Promise<void> {
    this.listeners.add(listener);
    const redis = (this.redis ??= this.connect());
    await redis.subscribe(ORDER_EVENTS_CHANNEL);
    await listener({ kind: 'subscribed' });
  }

  /** True while the connection is up (for readiness checks). */
  get connected(): boolean {
    return this.redis?.status === 'ready';
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.redis?.disconnect();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private connect(): Redis {
    const redis = createRedisClient(this.redisUrl, this.name, 'wait');
    redis.on('message', (_channel: string, message: string) => {
      const eventId = Number(message);
      this.notify({ kind: 'committed', eventId: Number.isSafeInteger(eventId) ? eventId : undefined });
    });
    reportOutages(redis, this.logger, 'order-events channel (subscribers poll meanwhile)');
    redis.on('ready', () => {
      // The first `ready` is answered by subscribe(); a later one is a reconnect.
      if (this.readyBefore) void this.resubscribed(redis);
      this.readyBefore = true;
    });
    return redis;
  }

  /**
   * ioredis re-subscribes by itself after a reconnect; subscribing again (harmless) tells us when
   * that took effect, so a catch-up started now misses nothing published from here on.
   */
  private async resubscribed(redis: Redis): Promise<void> {
    try {
      await redis.subscribe(ORDER_EVENTS_CHANNEL);
    } catch {
      return; // lost again: the next `ready` retries
    }
    this.notify({ kind: 'subscribed' });
  }

  private notify(signal: OrderEventsSignal): void {
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(signal))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'order-events listener failed'));
    }
  }
}
