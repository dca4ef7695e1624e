import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { OrderEventRecord } from '@shopwire/contracts';
import { createRedisClient, reportOutages } from '@shopwire/redis';
import type { Redis } from 'ioredis';
import { parseEntry, type RelayEntry } from './relay-chain.js';

/** Take the lease if free, extend it if ours; 1 when we hold it afterwards. */
const HOLD_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Adds entries id-0 in order; one whose id is not above the stream's last fails and is left out
 * (a second leader for a moment, or a leader catching up below the stream): pcall, not call.
 * ARGV: maxlen, ttl ms, now, then (id, event json, prev) triples.
 */
const ADD_EVENTS = `
local added = 0
for i = 4, #ARGV, 3 do
  local id = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], ARGV[i] .. '-0', 'e', ARGV[i + 1], 'p', ARGV[i + 2], 't', ARGV[3])
  if type(id) == 'string' then added = added + 1 end
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return added`;

/** A relay stream: one per store epoch and reset (ids restart after a restore). */
export interface Generation {
  id: string;
  epoch: string;
}

/** Streams of a reset store linger this long (nobody reads them). */
const STREAM_TTL_MS = 24 * 3600_000;

/**
 * The Redis side of the relay (ADR 0027), under `shopwire:realtime-relay:<database>:` so that
 * stores sharing a Redis never share a leader: the lease, the current generation, the streams.
 * Two connections: commands (fail fast, never queued behind a reconnect) and the blocking read.
 */
export class RelayStream {
  private readonly logger = new Logger(RelayStream.name);
  private readonly commands: Redis;
  private readonly reader: Redis;
  private readonly prefix: string;
  readonly token = randomBytes(8).toString('hex');

  constructor(
    redisUrl: string,
    storeDatabaseUrl: string,
    private readonly maxLength: number,
  ) {
    this.prefix = `shopwire:realtime-relay:${databaseName(storeDatabaseUrl)}`;
    this.commands = createRedisClient(redisUrl, 'realtime-relay', 'fail-fast');
    this.reader = createRedisClient(redisUrl, 'realtime-relay-reader', 'blocking-read');
    reportOutages(this.commands, this.logger, 'order-events relay (replicas tail order_events meanwhile)');
    this.reader.on('error', () => undefined); // reported once by the commands connection
  }

  /** True while this replica holds the leader lease (taken or extended now for `ttlMs`). */
  async holdLease(ttlMs: number): Promise<boolean> {
    return Number(await this.commands.eval(HOLD_LEASE, 1, `${this.prefix}:leader`, this.token, ttlMs)) === 1;
  }

  async releaseLease(): Promise<void> {
    await this.commands.eval(RELEASE_LEASE, 1, `${this.prefix}:leader`, this.token);
  }

  /**
   * The generation followers read; undefined until a leader has announced one. `reading`: on the
   * reader's connection (the follower loop's, whose timeout is longer than a busy box's hiccup).
   */
  async generation(reading = false): Promise<Generation | undefined> {
    const value = await (reading ? this.reader : this.commands).get(`${this.prefix}:generation`);
    if (!value) return undefined;
    const cut = value.indexOf(' ');
    return cut > 0 ? { id: value, epoch: value.slice(cut + 1) } : undefined;
  }

  /** Starts a new generation for `epoch` (a leader's first, or after a store reset). */
  async startGeneration(epoch: string): Promise<Generation> {
    const generation = { id: `${randomBytes(6).toString('hex')} ${epoch}`, epoch };
    await this.commands.set(`${this.prefix}:generation`, generation.id);
    return generation;
  }

  /** Adds delivered events with their chain links; resolves to how many were new to the stream. */
  async add(generation: Generation, links: ReadonlyArray<{ event: OrderEventRecord; prev: number }>): Promise<number> {
    const args = links.flatMap(({ event, prev }) => [String(event.id), JSON.stringify(event), String(prev)]);
    const key = this.streamKey(generation);
    const added = await this.commands.eval(ADD_EVENTS, 1, key, this.maxLength, STREAM_TTL_MS, Date.now(), ...args);
    return Number(added);
  }

  /**
   * Entries after event id `cursor`, waiting up to `blockMs` for one. A stream entry that cannot
   * be parsed is returned as undefined: the next entry's `prev` then reports it as a hole.
   */
  async read(generation: Generation, cursor: number, count: number, blockMs: number): Promise<RelayEntry[]> {
    const key = this.streamKey(generation);
    const reply = (await this.reader.xread('COUNT', count, 'BLOCK', blockMs, 'STREAMS', key, `${cursor}-0`)) as Array<
      [string, Array<[string, string[]]>]
    > | null;
    const entries: RelayEntry[] = [];
    for (const [, fields] of reply?.[0]?.[1] ?? []) {
      const entry = parseEntry(fields);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  close(): void {
    this.commands.disconnect();
    this.reader.disconnect();
  }

  private streamKey(generation: Generation): string {
    return `${this.prefix}:stream:${generation.id.slice(0, generation.id.indexOf(' '))}`;
  }
}

/** The store's database name: its relay keys are its own on a shared Redis. */
export function databaseName(storeDatabaseUrl: string): string {
  try {
    return decodeURIComponent(new URL(storeDatabaseUrl).pathname.slice(1)) || 'store';
  } catch {
    return 'store';
  }
}
