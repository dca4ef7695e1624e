import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { customerRoom, type CourierLocationPayload, type OrderEventRecord } from '@shopwire/contracts';
import { createRedisClient } from '@shopwire/redis';
import type { Redis } from 'ioredis';
import { OrdersInDeliveryQuery } from '@shopwire/ordering';
import { send, type RealtimeServer, type RealtimeSocket } from '../gateway/realtime-socket.js';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { CUSTOMER_CHANNEL_PREFIX, customerChannel } from './location-keys.js';
import { LocationRelay } from './location-relay.js';

export const LOCATION_SUBSCRIBER = Symbol('LOCATION_SUBSCRIBER');

/** Subscriber connection for positions; ioredis re-subscribes by itself after a reconnect. */
export function createLocationSubscriber(url: string): Redis {
  return createRedisClient(url, 'location-subscriber', 'wait');
}

/**
 * The customer side of courier positions on THIS replica: subscribes to a customer's channel
 * while at least one of its sockets is connected here, emits what arrives to that customer's
 * room, and gives a connecting socket the latest position of each of its PENDING orders.
 * A position of an order this replica has seen COMPLETE is dropped, so a customer never sees a
 * position after the COMPLETE status it received.
 */
@Injectable()
export class CustomerLocationFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CustomerLocationFeed.name);
  private server?: RealtimeServer;
  private readonly subscribers = new Map<string, number>();
  /** Order id → when this replica saw it COMPLETE; kept for twice the position TTL. */
  private readonly completed = new Map<number, number>();
  /**
   * Order id → the newest live position emitted here, numbered in emission order. A connecting
   * socket is already in its room, so a position emitted while its catch-up read runs reached it
   * live; the catch-up must not send that position (or an older one) a second time.
   */
  private readonly emitted = new Map<number, { seq: number; at: number }>();
  private emissions = 0;

  constructor(
    @Inject(LOCATION_SUBSCRIBER) private readonly subscriber: Redis,
    @Inject(LocationRelay) private readonly relay: LocationRelay,
    @Inject(OrdersInDeliveryQuery) private readonly orders: OrdersInDeliveryQuery,
    @Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig,
  ) {}

  attachServer(server: RealtimeServer): void {
    this.server = server;
  }

  onApplicationBootstrap(): void {
    this.subscriber.on('error', () => undefined); // reported by the relay's connection already
    this.subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
    // Every (re)connection ends subscribed to the channel of each customer connected here, whatever
    // became of a SUBSCRIBE sent before it was ready (the first customers after a start are
    // attached while it is still connecting). Once, under the realtime suite, a customer connected
    // at start had no subscriber on either Redis server 10 s later. SUBSCRIBE is idempotent.
    this.subscriber.on('ready', () => {
      const channels = [...this.subscribers.keys()].map(customerChannel);
      if (channels.length > 0) this.subscriber.subscribe(...channels).catch(() => undefined);
    });
  }

  onApplicationShutdown(): void {
    this.subscriber.disconnect();
  }

  /** A customer socket connected: subscribe (once per customer), then send the latest positions. */
  async attach(socket: RealtimeSocket): Promise<void> {
    const email = socket.data.email.toLowerCase();
    const count = this.subscribers.get(email) ?? 0;
    this.subscribers.set(email, count + 1);
    const attachedAt = this.emissions;
    try {
      if (count === 0) await this.subscriber.subscribe(customerChannel(email));
      for (const payload of await this.relay.latest(await this.orders.idsOfCustomer(email))) {
        const live = this.emitted.get(payload.orderId);
        const reachedLive = live !== undefined && live.seq > attachedAt && live.at >= payload.at;
        if (!this.completed.has(payload.orderId) && !reachedLive) send(socket, 'order.courier_location', payload);
      }
    } catch (error) {
      // Positions are best effort: the order events of this socket must not depend on them.
      this.logger.warn({ err: error }, 'latest courier positions unavailable');
    }
  }

  detach(socket: RealtimeSocket): void {
    const email = socket.data.email.toLowerCase();
    const count = (this.subscribers.get(email) ?? 1) - 1;
    if (count > 0) return void this.subscribers.set(email, count);
    this.subscribers.delete(email);
    this.subscriber.unsubscribe(customerChannel(email)).catch(() => undefined);
  }

  /** Tailed order events: remember completions; delete their last positions (privacy). */
  observe(events: readonly OrderEventRecord[]): void {
    const done = events.filter((event) => event.status === 'COMPLETE').map((event) => event.orderId);
    if (done.length === 0) return;
    const now = Date.now();
    for (const orderId of done) {
      this.completed.set(orderId, now);
      this.emitted.delete(orderId);
    }
    this.relay.forget(done);
    const horizon = now - 2 * this.config.REALTIME_LOCATION_TTL_SECONDS * 1000;
    for (const [orderId, at] of this.completed) {
      if (at >= horizon) break; // insertion order = time order
      this.completed.delete(orderId);
    }
  }

  private onMessage(channel: string, message: string): void {
    if (!channel.startsWith(CUSTOMER_CHANNEL_PREFIX) || !this.server) return;
    const payload = JSON.parse(message) as CourierLocationPayload;
    if (this.completed.has(payload.orderId)) return;
    this.emitted.set(payload.orderId, { seq: ++this.emissions, at: payload.at });
    send(
      this.server.to(customerRoom(channel.slice(CUSTOMER_CHANNEL_PREFIX.length))),
      'order.courier_location',
      payload,
    );
    realtimeMetrics.locationsDelivered.inc();
  }
}
