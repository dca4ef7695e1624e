import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { OrderEventRecord } from '@shopwire/contracts';
import { OrderEventsSubscriber } from '@shopwire/ordering';
import { StoreEpochFollowers, type EpochFollower } from '@shopwire/store-data';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { LocationEvents } from '../location/location-events.js';
import { EventFanOut } from './event-fan-out.js';
import { advanceTail, type MissingRange, type TailState } from './gap-hold.js';
import { chainOf, planChain, type RelayEntry } from './relay-chain.js';
import { OrderEventsRepository } from '@shopwire/ordering';

/** What the tailer asks of the relay (ADR 0027); without one it tails `order_events` itself. */
export interface TailRelay {
  /** True while this replica must read `order_events` itself: the leader, or the stream is unusable. */
  shouldTail(): boolean;
  /** Hands events this replica (the leader) just delivered to the stream, with their chain links. */
  publish(links: ReadonlyArray<{ event: OrderEventRecord; prev: number }>): Promise<void>;
  /** The store was reset under this replica: a leader starts a new stream. */
  storeWasReset(): void;
  /** The order-events channel announced events up to `eventId` as committed. */
  committed(eventId: number): void;
}

/**
 * This replica's position in the event log and the one place that delivers order events to its
 * sockets, strictly in id order, each exactly once (and to the courier position stream, which
 * follows pick-ups and completions). Events come from one of two sources, never both at once:
 * - the table: reads rows after the cursor, holding at gaps (gap-hold.ts) — what the relay
 *   leader does, and every replica while the relay stream is unusable (Redis down) or disabled;
 *   woken by the order-events channel and, as the fallback that keeps working while Redis is
 *   down, by a poll timer;
 * - the relay stream (order-event-relay.ts): entries chained by `prev`, holes filled from the table.
 * All of it runs one step at a time (`exclusive`), so a switch between the sources is exact.
 */
@Injectable()
export class OrderEventTailer implements OnApplicationBootstrap, OnApplicationShutdown, EpochFollower {
  readonly name = 'order-event-tail';
  private readonly logger = new Logger(OrderEventTailer.name);
  private state: TailState = { cursor: 0, missing: [] };
  /** The store epoch the cursor belongs to. */
  private epoch?: string;
  private running = false;
  private again = false;
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();
  private relay?: TailRelay;

  constructor(
    @Inject(OrderEventsRepository) private readonly reader: OrderEventsRepository,
    @Inject(EventFanOut) private readonly fanOut: EventFanOut,
    @Inject(LocationEvents) private readonly locationEvents: LocationEvents,
    @Inject(REALTIME_CONFIG) private readonly config: RealtimeConfig,
    @Inject(StoreEpochFollowers) epochs: StoreEpochFollowers,
    @Inject(OrderEventsSubscriber) private readonly orderEvents: OrderEventsSubscriber,
  ) {
    epochs.register(this);
  }

  attachRelay(relay: TailRelay): void {
    this.relay = relay;
  }

  servedEpoch(): string | undefined {
    return this.epoch;
  }

  /** Readiness found the epoch stale: check the store now, whichever source is in use. */
  async refresh(): Promise<void> {
    await this.exclusive(() => this.followStoreResets());
    this.wake();
  }

  /** Every event with an id up to here has been fanned out (or skipped as burnt). */
  get cursor(): number {
    return this.state.cursor;
  }

  /**
   * Starts at the newest event: no socket is connected yet, and clients that missed older events
   * are replayed from the table on connect.
   */
  async onApplicationBootstrap(): Promise<void> {
    const { epoch, latestId } = await this.reader.position();
    this.state = { cursor: latestId, missing: [] };
    this.epoch = epoch;
    realtimeMetrics.cursor.set(this.state.cursor);
    this.timer = setInterval(() => this.wake(), this.config.REALTIME_POLL_INTERVAL_MS);
    this.timer.unref();
    // Not awaited: the replica serves (by polling) while Redis is down, even at boot.
    this.orderEvents
      .subscribe((signal) => {
        if (signal.kind === 'committed' && signal.eventId !== undefined) this.relay?.committed(signal.eventId);
        this.wake();
      })
      .catch(() => undefined);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.epoch = undefined; // wake() is a no-op from here: the database is closing
  }

  /** Runs `task` when no other step runs (steps change the cursor). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  wake(): void {
    if (this.epoch === undefined) return; // not started: the relay's first tick can come first
    if (this.relay && !this.relay.shouldTail()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      await this.exclusive(async () => {
        do {
          this.again = false;
          if (this.relay && !this.relay.shouldTail()) return;
          await this.step();
        } while (this.again);
      });
    } catch (error) {
      // The next poll retries; the database being briefly away must not stop the replica.
      this.logger.warn({ err: error }, 'order_events read failed');
    } finally {
      this.running = false;
    }
  }

  /**
   * A new store epoch, or ids that went below the cursor (a restore), mean the events after the
   * cursor are not the ones we follow any more: start again from the beginning of the new store,
   * after telling every client to refetch its state and take position 0 (its ids would otherwise
   * make it drop the new, lower ones). Call inside `exclusive`.
   */
  async followStoreResets(): Promise<void> {
    this.followPosition(await this.reader.position());
  }

  /** True when the position says the store was reset (and the reset is now followed). */
  private followPosition({ epoch, latestId }: { epoch: string; latestId: number }): boolean {
    if (epoch === this.epoch && latestId >= this.state.cursor) return false;
    this.logger.warn({ epoch, latestId, cursor: this.state.cursor }, 'store was reset: tailing it from the start');
    this.state = { cursor: 0, missing: [] };
    this.epoch = epoch;
    realtimeMetrics.cursor.set(0);
    this.fanOut.resyncAll(0);
    this.relay?.storeWasReset();
    return true;
  }

  /** One read of the table whatever the relay says (a follower whose stream stopped moving). */
  async tailOnce(): Promise<void> {
    await this.exclusive(() => this.step());
  }

  private async step(): Promise<void> {
    const batch = this.config.REALTIME_TAIL_BATCH;
    const start = this.state.cursor;
    realtimeMetrics.tableReads.inc({ reason: 'tail' });
    const { events: rows, ...position } = await this.reader.tailFrom(start, batch);
    if (this.followPosition(position)) {
      this.again = true; // the rows read belong to the store before the reset
      return;
    }
    const now = Date.now();
    const grace = this.config.REALTIME_GAP_GRACE_MS;
    let step = advanceTail(this.state, rows, now, grace);
    if (step.skipped.length > 0) {
      // The grace period says "burnt"; confirm with the database before skipping for good.
      const held: MissingRange[] = [];
      for (const range of step.skipped) if (await this.reader.isHeld(range.from, range.to)) held.push(range);
      if (held.length > 0)
        step = advanceTail(this.state, rows, now, grace, (range) => held.some((open) => open.from === range.from));
    }
    this.state = step.state;
    const skippedIds = step.skipped.reduce((sum, range) => sum + range.to - range.from + 1, 0);
    if (skippedIds > 0) {
      realtimeMetrics.skippedIds.inc(skippedIds);
      this.logger.warn({ skippedIds }, 'skipped event ids of rolled-back transactions');
    }
    if (step.deliver.length > 0) {
      this.emit(step.deliver);
      // After the local delivery: a slow Redis delays only the other replicas.
      await this.relay?.publish(chainOf(start, step.deliver));
    }
    if (step.deliver.length === batch) this.again = true;
  }

  /**
   * Delivers relay stream entries (ascending), filling holes in the chain from the table. Call
   * inside `exclusive`. Entries at or below the cursor are skipped: nothing is delivered twice.
   */
  async followStream(entries: readonly RelayEntry[]): Promise<void> {
    for (const step of planChain(this.state.cursor, entries).steps) {
      if (step.kind === 'deliver') {
        if (step.event.id > this.state.cursor) this.emit([step.event]);
        continue;
      }
      // The leader passed `upTo`: every id up to it is committed or burnt, nothing to hold for.
      let after = Math.max(step.after, this.state.cursor);
      while (after < step.upTo) {
        const rows = (await this.readHole(after, this.config.REALTIME_TAIL_BATCH)).filter((r) => r.id <= step.upTo);
        if (rows.length > 0) this.emit(rows);
        after = rows.length === this.config.REALTIME_TAIL_BATCH ? rows[rows.length - 1].id : step.upTo;
      }
      this.advanceTo(step.upTo);
    }
  }

  private async readHole(after: number, limit: number): Promise<OrderEventRecord[]> {
    realtimeMetrics.tableReads.inc({ reason: 'hole' });
    return this.reader.after(after, limit);
  }

  private emit(events: readonly OrderEventRecord[]): void {
    this.fanOut.deliver(events);
    this.locationEvents.observe(events);
    realtimeMetrics.events.inc(events.length);
    this.advanceTo(events[events.length - 1].id);
    realtimeMetrics.cursor.set(this.state.cursor);
  }

  private advanceTo(cursor: number): void {
    if (cursor <= this.state.cursor) return;
    this.state = { cursor, missing: this.state.missing.filter((range) => range.from > cursor) };
    realtimeMetrics.cursor.set(cursor);
  }
}
