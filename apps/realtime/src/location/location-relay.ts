import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { CourierLocationPayload } from '@shopwire/contracts';
import { createRedisClient } from '@shopwire/redis';
import type { Redis } from 'ioredis';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { courierGateKey, customerChannel, lastPositionKey } from './location-keys.js';

export const LOCATION_PUBLISHER = Symbol('LOCATION_PUBLISHER');

/** One order's share of a courier's report: to whom, and what. */
export interface OrderPosition {
  customerEmail: string;
  payload: CourierLocationPayload;
}

export type RelayOutcome = 'relayed' | 'rate_limited' | 'unavailable';

/**
 * One round trip per accepted report, atomically: the courier's cross-replica rate gate (SET NX on
 * the key of the current window), then per order the latest position (SET EX, overwriting: no
 * history) and a PUBLISH to the customer's channel. Returns 1, or 0 when the gate was taken.
 */
const RELAY_SCRIPT = `
if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then
  return 0
end
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], ARGV[i * 2], 'EX', ARGV[2])
  redis.call('PUBLISH', ARGV[i * 2 - 1], ARGV[i * 2])
end
return 1`;

/**
 * A Redis connection of its own for positions, so that position traffic and its failures never
 * touch the order-event nudge. It fails fast while Redis is away (no offline queue): a position
 * that cannot be relayed now is worthless later.
 */
export function createLocationPublisher(url: string): Redis {
  return createRedisClient(url, 'location-publisher', 'fail-fast');
}

type RelayRedis = Redis & {
  relayPositions(keyCount: number, ...keysAndArgs: Array<string | number>): Promise<number>;
};

/** Writes and fans out courier positions through Redis; deletes the last position at COMPLETE. */
@Injectable()
export class LocationRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(LocationRelay.name);
  private readonly redis: RelayRedis;
  private lastFailureLog = 0;

  constructor(
    @Inject(LOCATION_PUBLISHER) redis: Redis,
    @Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig,
  ) {
    redis.defineCommand('relayPositions', { lua: RELAY_SCRIPT });
    redis.on('error', (error: Error) => this.logFailure('connection', error));
    this.redis = redis as RelayRedis;
  }

  /** `window`: the rate-gate window (RateGate.windowOf) the report falls in on this replica's clock. */
  async publish(courierEmail: string, window: number, positions: readonly OrderPosition[]): Promise<RelayOutcome> {
    const keys = [courierGateKey(courierEmail, window), ...positions.map((p) => lastPositionKey(p.payload.orderId))];
    const args: Array<string | number> = [
      2 * this.config.REALTIME_LOCATION_MIN_INTERVAL_MS,
      this.config.REALTIME_LOCATION_TTL_SECONDS,
    ];
    for (const position of positions)
      args.push(customerChannel(position.customerEmail), JSON.stringify(position.payload));
    try {
      const result = await this.redis.relayPositions(keys.length, ...keys, ...args);
      return result > 0 ? 'relayed' : 'rate_limited';
    } catch (error) {
      this.logFailure('publish', error as Error);
      return 'unavailable';
    }
  }

  /** The latest positions of these orders (missing or expired ones left out). */
  async latest(orderIds: readonly number[]): Promise<CourierLocationPayload[]> {
    if (orderIds.length === 0) return [];
    try {
      const values = await this.redis.mget(orderIds.map(lastPositionKey));
      return values.filter((value): value is string => value !== null).map((value) => JSON.parse(value));
    } catch (error) {
      this.logFailure('read', error as Error);
      return [];
    }
  }

  /** Privacy: a delivered order's position goes at once, not at TTL. Best effort (the TTL backs it). */
  forget(orderIds: readonly number[]): void {
    if (orderIds.length === 0) return;
    this.redis.del(...orderIds.map(lastPositionKey)).catch((error: Error) => this.logFailure('delete', error));
  }

  private logFailure(what: string, error: Error): void {
    // One line per 10 s: an outage must not flood the log at position rate.
    const now = Date.now();
    if (now - this.lastFailureLog < 10_000) return;
    this.lastFailureLog = now;
    this.logger.warn(
      { err: error, operation: what },
      'courier positions: Redis failed, positions are dropped meanwhile',
    );
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
