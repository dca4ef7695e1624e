import { Redis, SentinelConnector, type SentinelConnectionOptions } from 'ioredis';

type NetStream = Awaited<ReturnType<SentinelConnector['connect']>>;

/**
 * Following the primary through a failover, without ioredis' own `failoverDetector` (issue 19).
 *
 * ioredis' detector reacts to a Sentinel's `+switch-master` by calling the connector's
 * `disconnect()` — the same call as a deliberate close. When the connection had already noticed
 * the dead primary and was in the middle of asking a Sentinel for the current one (the reconnect
 * loop spends much of a failover there, more so on a loaded machine), that call aborts the connect
 * attempt and the client goes to status `end`: it never reconnects, its queued commands are
 * rejected, a subscriber stays unsubscribed. The HA test saw it as courier positions stopping for
 * good after a Redis failover (publisher or subscriber connection dead, silently).
 *
 * Here a switch only ever cuts an *established* socket (the normal reconnect path then asks a
 * Sentinel afresh); one announced while a Sentinel is being asked cuts the socket that answer
 * leads to, once, since the answer may predate the switch. A connection already on the announced
 * primary is left alone (every Sentinel announces the same switch, seconds apart).
 */
export class SwitchFollowingConnector extends SentinelConnector {
  private asking = false;
  private switchedWhileAsking = false;
  private attempt = 0;

  // `unknown`: ioredis passes the whole RedisOptions of the client (its ConnectorConstructor type).
  constructor(options: unknown) {
    super({ ...(options as SentinelConnectionOptions), failoverDetector: false });
  }

  override connect(...args: Parameters<SentinelConnector['connect']>): Promise<NetStream> {
    const attempt = ++this.attempt;
    this.asking = true;
    this.switchedWhileAsking = false;
    switchWatch(this.options).follow(this);
    return super.connect(...args).then(
      (stream) => {
        if (attempt !== this.attempt) return stream;
        this.asking = false;
        // A closed socket no longer needs the watch (a reconnect follows again): `quit()`, as
        // BullMQ closes its connections, never calls disconnect() here.
        stream.once('close', () => {
          if (attempt === this.attempt) switchWatch(this.options).unfollow(this, 2000);
        });
        // After ioredis has attached its close handler to the stream: then the cut reconnects.
        if (this.switchedWhileAsking) setImmediate(() => stream.destroy());
        return stream;
      },
      (error: unknown) => {
        if (attempt === this.attempt) this.asking = false;
        throw error;
      },
    );
  }

  /** A deliberate close (or ioredis' own reconnect): no longer follows until the next connect. */
  override disconnect(): void {
    switchWatch(this.options).unfollow(this);
    super.disconnect();
  }

  /** Called by the watch on `+switch-master` of this primary's name. */
  switched(host: string, port: number): void {
    if (this.asking) {
      this.switchedWhileAsking = true;
      return;
    }
    const stream = this.stream as NetStream | undefined;
    if (!stream || stream.destroyed) return; // between attempts: the next one asks afresh
    if (stream.remoteAddress === host && stream.remotePort === port) return;
    // destroy, not end: a primary that vanished never acknowledges a FIN.
    stream.destroy();
  }
}

/** One `+switch-master` subscription per Sentinel, shared by the connections that follow it. */
class SwitchWatch {
  private readonly followers = new Set<SwitchFollowingConnector>();
  private sentinels: Redis[] = [];
  private closing?: NodeJS.Timeout;

  constructor(
    private readonly key: string,
    private readonly options: SentinelConnectionOptions,
  ) {}

  follow(connector: SwitchFollowingConnector): void {
    clearTimeout(this.closing);
    this.followers.add(connector);
    if (this.sentinels.length === 0) this.sentinels = (this.options.sentinels ?? []).map((s) => this.watch(s));
  }

  /** `graceMs`: keep watching that long for a reconnect, rather than re-subscribing each time. */
  unfollow(connector: SwitchFollowingConnector, graceMs = 0): void {
    this.followers.delete(connector);
    if (this.followers.size > 0) return;
    clearTimeout(this.closing);
    if (graceMs > 0) this.closing = setTimeout(() => this.close(), graceMs);
    else this.close();
  }

  private close(): void {
    for (const sentinel of this.sentinels) sentinel.disconnect();
    this.sentinels = [];
    watches.delete(this.key);
  }

  private watch(address: { host?: string | null; port?: number | null }): Redis {
    const sentinel = new Redis({
      host: address.host ?? '127.0.0.1',
      port: address.port ?? 26379,
      username: this.options.sentinelUsername,
      password: this.options.sentinelPassword,
      connectionName: 'sentinel-switch-watch',
      enableReadyCheck: false,
      autoResubscribe: false,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      maxRetriesPerRequest: null,
    });
    sentinel.on('error', () => undefined); // a Sentinel away is covered by the others
    sentinel.on('ready', () => void sentinel.subscribe('+switch-master').catch(() => undefined));
    sentinel.on('message', (_channel: string, message: string) => {
      // "<name> <old ip> <old port> <new ip> <new port>"
      const [name, , , host, port] = message.split(' ');
      if (name !== this.options.name || !host) return;
      for (const follower of [...this.followers]) follower.switched(host, Number(port));
    });
    return sentinel;
  }
}

const watches = new Map<string, SwitchWatch>();

function switchWatch(options: SentinelConnectionOptions): SwitchWatch {
  const key = JSON.stringify([options.name, options.sentinels?.map((s) => `${s.host}:${s.port}`)]);
  let watch = watches.get(key);
  if (!watch) watches.set(key, (watch = new SwitchWatch(key, options)));
  return watch;
}
