import type { RedisOptions } from 'ioredis';
import { SwitchFollowingConnector } from './sentinel-switch.js';

/**
 * Where Redis is, as one configuration string (`REDIS_URL`), so that moving from one server to a
 * Sentinel-watched primary is a configuration change only (ADR 0022):
 * - `redis://[[user]:password@]host:port[/db]` — one server (the single-node default);
 * - `redis-sentinel://[[user]:password@]host:port[,host:port…]/primaryName[/db]` — ask these
 *   Sentinels for the current primary of `primaryName`; the password (if any) is the data
 *   servers'. A URL parser rejects the comma-separated host list, hence this small parser.
 */
export interface SentinelLocation {
  sentinels: { host: string; port: number }[];
  name: string;
  username?: string;
  password?: string;
  db: number;
}

const SENTINEL_URL = /^redis-sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/]+)\/([^/?#]+)(?:\/(\d+))?$/;
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^:,\s[\]]+)(?::(\d{1,5}))?$/;
const DEFAULT_SENTINEL_PORT = 26379;

/** The Sentinel form parsed, or undefined for anything else (including a malformed Sentinel URL). */
export function parseSentinelUrl(url: string): SentinelLocation | undefined {
  const match = SENTINEL_URL.exec(url);
  if (!match) return undefined;
  const [, username, password, hostList, name, db] = match;
  const sentinels = [];
  for (const entry of hostList!.split(',')) {
    const hostPort = HOST_PORT.exec(entry.trim());
    if (!hostPort) return undefined;
    const port = hostPort[2] === undefined ? DEFAULT_SENTINEL_PORT : Number(hostPort[2]);
    if (port < 1 || port > 65535) return undefined;
    sentinels.push({ host: hostPort[1]!.replace(/^\[|\]$/g, ''), port });
  }
  return {
    sentinels,
    name: decodeURIComponent(name!),
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password !== undefined ? { password: decodeURIComponent(password) } : {}),
    db: db === undefined ? 0 : Number(db),
  };
}

/** True for what `createRedisClient` accepts: a redis:// (rediss://) URL or the Sentinel form. */
export function isRedisLocation(value: string): boolean {
  if (parseSentinelUrl(value)) return true;
  try {
    return ['redis:', 'rediss:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * ioredis options for the Sentinel form. The connector listens to the Sentinels' `+switch-master`
 * and cuts a connection to the old primary at once — a primary that vanished without closing its
 * sockets (a machine lost, `docker kill`) would otherwise hold idle connections, subscribers above
 * all, until TCP gives up, minutes later. Not ioredis' `failoverDetector`: it can end a client for
 * good (sentinel-switch.ts). `Connector` is an option, so `duplicate()` (BullMQ) keeps it.
 */
export function sentinelOptions(location: SentinelLocation, retry: (attempt: number) => number): RedisOptions {
  return {
    sentinels: location.sentinels,
    name: location.name,
    db: location.db,
    ...(location.username ? { username: location.username } : {}),
    ...(location.password !== undefined ? { password: location.password } : {}),
    sentinelRetryStrategy: retry,
    Connector: SwitchFollowingConnector,
  };
}
