import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { OrderEventRecord } from '@shopwire/contracts';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { OrderEventTailer, type TailRelay } from './order-event-tailer.js';
import { RelayStream, type Generation } from './relay-stream.js';

type Role = 'leader' | 'follower' | 'tailing';

/** How long one XREAD waits for entries: also how soon a follower notices a new generation. */
const BLOCK_MS = 1000;
/** Entries per XREAD. */
const READ_COUNT = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * The relay (ADR 0027): the database reads `order_events` for one replica, not for each. The
 * holder of a Redis lease (taken and extended every third of REALTIME_RELAY_LEASE_MS by each
 * replica's tick) is the leader: it tails the table as before and adds what it delivers to a Redis
 * stream. The others follow the stream from their own cursor. Whenever the stream is unusable —
 * Redis down or slow, no generation for this replica's epoch yet — a replica tails the table itself
 * until it is usable again (the `prev` chain makes both switches exact), so a Redis outage costs
 * database reads and latency, never an event.
 */
@Injectable()
export class OrderEventRelay implements TailRelay, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrderEventRelay.name);
  private stream?: RelayStream;
  private leader = false;
  /** When the lease was last confirmed ours. */
  private heldAt = 0;
  private streamUsable = false;
  /** The generation this replica last read (follower) or wrote (leader). */
  private generation?: Generation;
  /** A leader must start a new generation before it adds anything more (the store was reset). */
  private resetPending = false;
  private timer?: NodeJS.Timeout;
  private closed = false;
  private role?: Role;
  /** Ids the order-events channel announced above our cursor, ascending, with when. */
  private readonly announced: Array<{ id: number; at: number }> = [];

  constructor(
    @Inject(OrderEventTailer) private readonly tailer: OrderEventTailer,
    @Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig,
  ) {
    if (config.REALTIME_RELAY) tailer.attachRelay(this);
  }

  shouldTail(): boolean {
    return this.leader || !this.streamUsable;
  }

  onApplicationBootstrap(): void {
    if (!this.config.REALTIME_RELAY) return;
    const stream = new RelayStream(
      this.config.REDIS_URL,
      this.config.STORE_DATABASE_URL,
      this.config.REALTIME_RELAY_STREAM_LENGTH,
    );
    this.stream = stream;
    this.timer = setInterval(() => void this.tick(stream), Math.max(100, this.config.REALTIME_RELAY_LEASE_MS / 3));
    this.timer.unref();
    this.showRole();
    void this.tick(stream).then(() => this.follow(stream));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    // Hand over at once instead of after the lease runs out.
    if (this.leader) await this.stream?.releaseLease().catch(() => undefined);
    this.stream?.close();
  }

  committed(eventId: number): void {
    this.forgetDelivered();
    // Only a follower waits for the stream; a leader or a disabled relay keeps no marks.
    if (this.leader || !this.stream || eventId <= this.tailer.cursor) return;
    const last = this.announced[this.announced.length - 1];
    if (last && eventId <= last.id) return;
    // One mark per 100 ms at most: the list stays short under any event rate.
    if (last && Date.now() - last.at < 100) last.id = eventId;
    else this.announced.push({ id: eventId, at: Date.now() });
  }

  /**
   * True when an announced commit has not come through the stream for longer than a leader's gap
   * hold and a lease fail-over together: the leader may be alive for Redis but unable to read the
   * table. The follower then reads it itself once — exact, as every switch — and looks again.
   */
  private stalled(): boolean {
    this.forgetDelivered();
    const patience = this.config.REALTIME_GAP_GRACE_MS + this.config.REALTIME_RELAY_LEASE_MS;
    return this.announced.length > 0 && Date.now() - this.announced[0].at > patience;
  }

  private forgetDelivered(): void {
    const cursor = this.tailer.cursor;
    while (this.announced.length > 0 && this.announced[0].id <= cursor) this.announced.shift();
  }

  storeWasReset(): void {
    this.announced.length = 0; // ids of the old store
    if (this.leader) this.resetPending = true;
  }

  async publish(links: ReadonlyArray<{ event: OrderEventRecord; prev: number }>): Promise<void> {
    const stream = this.stream;
    if (!this.leader || !stream) return;
    try {
      const current = this.generation;
      const generation =
        current && current.epoch === this.tailer.servedEpoch() && !this.resetPending
          ? current
          : await this.writableGeneration(stream);
      const added = await stream.add(generation, links);
      realtimeMetrics.relayAdded.inc({ outcome: 'added' }, added);
      realtimeMetrics.relayAdded.inc({ outcome: 'duplicate' }, links.length - added);
    } catch (error) {
      // The followers see the hole in the chain at the next entry and read it from the table.
      realtimeMetrics.relayAdded.inc({ outcome: 'failed' }, links.length);
      this.logger.warn({ err: error, events: links.length }, 'relay: events not added to the stream');
    }
  }

  /**
   * The generation to write to: the announced one if it is this replica's epoch (another leader's,
   * for a moment, is fine: entries dedupe by id), else a new one. Checked on every tick, so a lost
   * announcement (Redis restarted empty) is made again without waiting for an event.
   */
  private async writableGeneration(stream: RelayStream): Promise<Generation> {
    const epoch = this.tailer.servedEpoch();
    if (epoch === undefined) throw new Error('relay: the tailer has not started');
    const announced = this.resetPending ? undefined : await stream.generation();
    this.resetPending = false;
    this.generation = announced && announced.epoch === epoch ? announced : await stream.startGeneration(epoch);
    return this.generation;
  }

  /**
   * Takes or extends the lease. A refusal means "not the leader"; a failed call (Redis away or slow)
   * keeps a leader leading until its lease would have run out — a second leader is harmless, and
   * stepping down at every hiccup of a busy box would send every follower back to the table.
   */
  private async tick(stream: RelayStream): Promise<void> {
    let holds: boolean;
    const asked = Date.now();
    try {
      holds = await stream.holdLease(this.config.REALTIME_RELAY_LEASE_MS);
      if (holds) this.heldAt = asked;
    } catch {
      holds = this.leader && Date.now() - this.heldAt < this.config.REALTIME_RELAY_LEASE_MS;
    }
    if (holds !== this.leader) {
      this.logger.log(holds ? 'relay: leader, tailing order_events' : 'relay: follower, reading the stream');
      this.leader = holds;
      this.announced.length = 0;
      this.tailer.wake();
    }
    if (holds) await this.writableGeneration(stream).catch(() => undefined);
    this.showRole();
  }

  /** The follower loop: runs for the replica's lifetime, idle while it is the leader. */
  private async follow(stream: RelayStream): Promise<void> {
    while (!this.closed) {
      if (this.leader || this.tailer.servedEpoch() === undefined) {
        await sleep(this.config.REALTIME_POLL_INTERVAL_MS);
        continue;
      }
      try {
        const generation = await this.readableGeneration(stream);
        if (!generation) {
          this.setUsable(false);
          await sleep(this.config.REALTIME_POLL_INTERVAL_MS);
          continue;
        }
        if (this.stalled()) {
          this.logger.warn({ announced: this.announced[0].id, cursor: this.tailer.cursor }, 'relay: stream stalled');
          realtimeMetrics.relayStalls.inc();
          await this.tailer.tailOnce();
          // Still not there (held at a gap, as the leader is): look again after another while.
          for (const mark of this.announced) mark.at = Date.now();
        }
        const entries = await stream.read(generation, this.tailer.cursor, READ_COUNT, BLOCK_MS);
        // A leader's step may have run meanwhile; the tailer skips what its cursor already covers.
        if (this.leader) continue;
        this.setUsable(true);
        if (entries.length > 0) {
          await this.tailer.exclusive(() => this.tailer.followStream(entries));
          realtimeMetrics.relayLag.set(Math.max(0, Date.now() - entries[entries.length - 1].addedAt) / 1000);
        } else realtimeMetrics.relayLag.set(0);
      } catch (error) {
        if (this.closed) return;
        if (this.streamUsable) this.logger.warn({ err: error }, 'relay: stream unusable, tailing order_events');
        this.setUsable(false);
        await sleep(this.config.REALTIME_POLL_INTERVAL_MS);
      }
    }
  }

  /**
   * The announced generation if it belongs to this replica's epoch. A new generation means the
   * leader changed streams: after a store reset, or a new leader found none. Which of the two is
   * for this replica's own store check to tell (one statement, rarely).
   */
  private async readableGeneration(stream: RelayStream): Promise<Generation | undefined> {
    const announced = await stream.generation(true);
    if (!announced) return undefined;
    if (announced.id !== this.generation?.id) {
      await this.tailer.exclusive(() => this.tailer.followStoreResets());
      this.generation = announced;
    }
    return announced.epoch === this.tailer.servedEpoch() ? announced : undefined;
  }

  private setUsable(usable: boolean): void {
    if (usable === this.streamUsable) return;
    this.streamUsable = usable;
    if (!usable) this.tailer.wake();
    this.showRole();
  }

  private showRole(): void {
    const role: Role = this.leader ? 'leader' : this.streamUsable ? 'follower' : 'tailing';
    if (role === this.role) return;
    this.role = role;
    for (const each of ['leader', 'follower', 'tailing'] as const) realtimeMetrics.relayRole.set({ role: each }, 0);
    realtimeMetrics.relayRole.set({ role }, 1);
  }
}
