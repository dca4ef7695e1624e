import { Redis, type RedisOptions } from 'ioredis';
import { parseSentinelUrl, sentinelOptions } from './redis-location.js';

/**
 * How a connection behaves while Redis is away — the three ways this system uses Redis:
 * - `fail-fast`: best-effort publishing (order-event nudges, courier positions). A command fails at
 *   once while disconnected instead of queueing behind a reconnect: a late nudge or position is
 *   worthless, and a request must never wait for Redis.
 * - `wait`: subscribers and BullMQ. Commands wait across reconnects (BullMQ requires
 *   `maxRetriesPerRequest: null` for its blocking reads); a subscriber re-subscribes by itself.
 * - `lazy`: a feature that may work without Redis (the owner's queue dashboard): connects on first
 *   use, and a command fails after a few retries instead of hanging.
 * - `blocking-read`: `fail-fast` for a reader that blocks (`XREAD BLOCK` ≤ 2 s, the realtime relay,
 *   ADR 0027): fails at once while disconnected, and a frozen server is noticed within 5 s.
 */
export type RedisMode = 'fail-fast' | 'wait' | 'lazy' | 'blocking-read';

/** Reconnect quickly and forever: after a Redis restart every connection is back within a second. */
const reconnectWithinASecond = (attempt: number) => Math.min(attempt * 100, 1000);

/**
 * The one place a Redis connection is made. `url` is a redis:// URL or the redis-sentinel:// form
 * (redis-location.ts): through Sentinel, every connection — BullMQ's, subscribers, publishers —
 * follows the current primary. `name` shows in `CLIENT LIST`. The caller owns the connection: it
 * listens for `error` (ioredis reports an unlistened one on the console) and closes it.
 */
export function createRedisClient(url: string, name: string, mode: RedisMode): Redis {
  const common = { connectionName: name, retryStrategy: reconnectWithinASecond };
  const options: RedisOptions = { ...common, ...modeOptions[mode] };
  const sentinel = parseSentinelUrl(url);
  return sentinel
    ? new Redis({ ...sentinelOptions(sentinel, reconnectWithinASecond), ...options })
    : new Redis(url, options);
}

const modeOptions: Record<RedisMode, RedisOptions> = {
  'fail-fast': { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1000, connectTimeout: 2000 },
  wait: { maxRetriesPerRequest: null },
  lazy: { lazyConnect: true, maxRetriesPerRequest: 3 },
  'blocking-read': { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 5000, connectTimeout: 2000 },
};

/** The part of a Nest Logger `reportOutages` uses. */
export interface OutageLog {
  warn(fields: object, message: string): void;
  log(message: string): void;
}

/**
 * Logs the first error of each outage and the recovery — not every reconnect attempt, which would
 * flood the log once a second while Redis is away. Also what keeps ioredis from reporting the
 * errors as unhandled.
 */
export function reportOutages(redis: Redis, log: OutageLog, what: string): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log.warn({ err: error }, `${what}: Redis unavailable`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.log(`${what}: Redis is back`);
    down = false;
  });
}
