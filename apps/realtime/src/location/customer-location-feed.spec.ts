import { EventEmitter } from 'node:events';
import type { OrdersInDeliveryQuery } from '@shopwire/ordering';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { RealtimeSocket } from '../gateway/realtime-socket.js';
import type { RealtimeConfig } from '../realtime.config.js';
import { CustomerLocationFeed } from './customer-location-feed.js';
import { customerChannel } from './location-keys.js';
import type { LocationRelay } from './location-relay.js';

/** A subscriber connection that records every SUBSCRIBE; `emit('ready')` plays a (re)connection. */
function recordingSubscriber() {
  const subscribed: string[][] = [];
  const subscriber = Object.assign(new EventEmitter(), {
    subscribe: async (...channels: string[]) => void subscribed.push(channels),
    unsubscribe: async () => undefined,
    disconnect: () => undefined,
  });
  return { subscriber, subscribed };
}

const customer = (email: string) =>
  ({ data: { email, role: 'customer' }, emit: () => true }) as unknown as RealtimeSocket;

describe('CustomerLocationFeed subscriptions', () => {
  it('subscribes again, on every ready connection, to the channel of each customer connected here', async () => {
    const { subscriber, subscribed } = recordingSubscriber();
    const feed = new CustomerLocationFeed(
      subscriber as unknown as Redis,
      { latest: async () => [] } as unknown as LocationRelay,
      { idsOfCustomer: async () => [] } as unknown as OrdersInDeliveryQuery,
      {} as RealtimeConfig,
    );
    feed.onApplicationBootstrap();
    const ana = customer('Ana@example.org');
    await feed.attach(ana);
    await feed.attach(customer('ben@example.org'));
    feed.detach(ana);
    subscribed.length = 0;

    subscriber.emit('ready');
    expect(subscribed).toEqual([[customerChannel('ben@example.org')]]);
  });
});
