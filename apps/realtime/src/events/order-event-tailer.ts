import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OrderEventsSubscriber } from '@shopwire/ordering';
import { StoreEpochFollowers, type EpochFollower } from '@shopwire/store-data';
import { REALTIME_CONFIG, type RealtimeConfig } from '../realtime.config.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { LocationEvents } from '../location/location-events.js';
import { EventFanOut } from './event-fan-out.js';
import { advanceTail, type MissingRange, type TailState } from './gap-hold.js';
import { OrderEventsRepository } from '@shopwire/ordering';

/**
 * Tails `order_events` for this replica: reads rows after its cursor, delivers them strictly in
 * id order (holding at gaps, see gap-hold.ts) and hands them to the fan-out (and to the courier
 * position stream, which follows pick-ups and completions). Woken at once by the order-events
 * channel (a message, or a re-subscription after a Redis outage) and, as a fallback that keeps
 * working while Redis is down, by a poll timer. Reads
 * never overlap: a wake-up during a read just schedules one more read.
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

  servedEpoch(): string | undefined {
    return this.epoch;
  }

  async refresh(): Promise<void> {
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
    this.orderEvents.subscribe(() => this.wake()).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again);
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
   * make it drop the new, lower ones).
   */
  private async followStoreResets(): Promise<void> {
    const { epoch, latestId } = await this.reader.position();
    if (epoch === this.epoch && latestId >= this.state.cursor) return;
    this.logger.warn({ epoch, latestId, cursor: this.state.cursor }, 'store was reset: tailing it from the start');
    this.state = { cursor: 0, missing: [] };
    this.epoch = epoch;
    realtimeMetrics.cursor.set(0);
    this.fanOut.resyncAll(0);
  }

  private async step(): Promise<void> {
    await this.followStoreResets();
    const batch = this.config.REALTIME_TAIL_BATCH;
    const rows = await this.reader.after(this.state.cursor, batch);
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
      this.fanOut.deliver(step.deliver);
      this.locationEvents.observe(step.deliver);
      realtimeMetrics.events.inc(step.deliver.length);
      realtimeMetrics.cursor.set(this.state.cursor);
    }
    if (step.deliver.length === batch) this.again = true;
  }
}
