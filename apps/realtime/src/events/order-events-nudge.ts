import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ORDER_EVENTS_CHANNEL } from '@shopwire/contracts';
import { Redis } from 'ioredis';
import { OrderEventTailer } from './order-event-tailer.js';

export const NUDGE_SUBSCRIBER = Symbol('NUDGE_SUBSCRIBER');

/**
 * A Redis connection for the nudge. It retries forever (quickly) so that the nudge comes back by
 * itself after a Redis restart; meanwhile the tailer's poll keeps delivering.
 */
export function createNudgeSubscriber(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
}

/**
 * Wakes the tailer as soon as a service announces new order events on ORDER_EVENTS_CHANNEL, so a
 * push does not wait for the next poll. The message content is not trusted: the tailer reads the
 * table. After a reconnect the tailer is woken too, in case a nudge was lost meanwhile.
 */
@Injectable()
export class OrderEventsNudge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventsNudge.name);
  private down = false;

  constructor(
    @Inject(NUDGE_SUBSCRIBER) private readonly subscriber: Redis,
    @Inject(OrderEventTailer) private readonly tailer: OrderEventTailer,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriber.on('message', () => this.tailer.wake());
    this.subscriber.on('ready', () => {
      if (this.down) this.logger.log('Redis nudge is back');
      this.down = false;
      this.tailer.wake();
    });
    this.subscriber.on('error', (error: Error) => {
      if (!this.down) this.logger.warn({ err: error }, 'Redis nudge unavailable, polling only');
      this.down = true;
    });
    // Not awaited: the app serves (by polling) even when Redis is down at boot.
    this.subscriber.subscribe(ORDER_EVENTS_CHANNEL).catch((error: Error) => {
      this.logger.warn({ err: error }, 'subscribe failed');
    });
  }

  onApplicationShutdown(): void {
    this.subscriber.disconnect();
  }
}
