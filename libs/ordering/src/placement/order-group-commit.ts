import { Inject, Injectable } from '@nestjs/common';
import { type IdempotencyClaim, IdempotencyService } from '../idempotency/idempotency.service.js';
import { DEFAULT_GROUP_COMMIT_OPTIONS, ORDERING_OPTIONS, type OrderingOptions } from '../ordering-options.js';
import { OrderWriter } from '../writes/order-writer.js';
import { groupCommitMetrics } from './group-commit-metrics.js';
import { OrderPlacementService, type PreparedOrder } from './order-placement.service.js';

interface Waiting {
  order: PreparedOrder;
  claim: IdempotencyClaim | undefined;
  since: number;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Application-level group commit of `POST /order` (ADR 0026): the orders of concurrent requests
 * are written by one `OrderWriter` transaction in ONE round trip — one compound statement with
 * START TRANSACTION, all their rows, the idempotent replies, their CREATED events and COMMIT —
 * and one nudge.
 *
 * A batch starts at once while fewer than `maxInFlight` batches are being written (an idle
 * server adds no wait), else when one of them commits, when it is full (`maxSize` orders, or
 * `maxLines` items: the compound statement stays far below max_allowed_packet), or at the
 * latest `windowMs` after its first order arrived. Each order still gets its own answer: when a
 * batch fails, nothing of it was written (one transaction) and every order of it is written
 * again alone, step by step, so only the culprit (bad product, foreign key, lost idempotency
 * claim) fails, and an order priced by an earlier catalogue is priced again in its transaction.
 */
@Injectable()
export class OrderGroupCommit {
  private readonly windowMs: number;
  private readonly maxSize: number;
  private readonly maxLines: number;
  private readonly maxInFlight: number;
  private waiting: Waiting[] = [];
  private timer?: NodeJS.Timeout;
  private inFlight = 0;

  constructor(
    @Inject(OrderPlacementService) private readonly placement: OrderPlacementService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(OrderWriter) private readonly writer: OrderWriter,
    @Inject(ORDERING_OPTIONS) options: OrderingOptions,
  ) {
    const settings = { ...DEFAULT_GROUP_COMMIT_OPTIONS, ...options.groupCommit };
    this.windowMs = settings.windowMs;
    this.maxSize = settings.maxSize;
    this.maxLines = settings.maxLines;
    this.maxInFlight = settings.maxInFlight;
  }

  /** Writes `order` (and completes `claim` in the same transaction); resolves to its id after COMMIT. */
  write(order: PreparedOrder, claim: IdempotencyClaim | undefined): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ order, claim, since: performance.now(), resolve, reject });
      if (this.waiting.length >= this.maxSize || this.inFlight < this.maxInFlight) this.startBatch();
      else this.timer ??= setTimeout(() => this.startBatch(), this.windowMs);
    });
  }

  private startBatch(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting.splice(0, this.batchLength());
    if (batch.length === 0) return;
    const now = performance.now();
    // Left over (batch full): their window still runs from the first one's arrival.
    if (this.waiting.length > 0) {
      this.timer = setTimeout(() => this.startBatch(), Math.max(0, this.windowMs - (now - this.waiting[0].since)));
    }
    this.inFlight++;
    for (const entry of batch) groupCommitMetrics.waitSeconds.observe((now - entry.since) / 1000);
    groupCommitMetrics.size.observe(batch.length);
    void this.writeBatch(batch).finally(() => {
      this.inFlight--;
      // What queued behind this batch goes now rather than at its window's end.
      if (this.waiting.length > 0) this.startBatch();
    });
  }

  /** How many waiting orders fit one batch: `maxSize`, fewer when their lines exceed `maxLines` (at least one). */
  private batchLength(): number {
    let lines = 0;
    let length = 0;
    for (const { order } of this.waiting.slice(0, this.maxSize)) {
      lines += order.lines.length;
      if (length > 0 && lines > this.maxLines) break;
      length++;
    }
    return length;
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    let ids: number[];
    try {
      ids = await this.writer.writePlacement((statement) => {
        const ids = this.placement.addOrders(
          statement,
          batch.map((entry) => entry.order),
        );
        for (const [n, { claim }] of batch.entries()) {
          if (claim) this.idempotency.addCompletion(statement, claim, ids[n]);
        }
        return { ids, customers: batch.map((entry) => entry.order.customerEmail) };
      });
    } catch {
      groupCommitMetrics.fallbacks.inc();
      // Nothing of the batch was written: each order alone, so only the culprit gets an error.
      await Promise.all(batch.map((entry) => this.writeAlone(entry)));
      return;
    }
    batch.forEach((entry, n) => entry.resolve(ids[n]));
  }

  private async writeAlone({ order, claim, resolve, reject }: Waiting): Promise<void> {
    try {
      resolve(
        await this.writer.write(async (tx) => {
          const id = await this.placement.insertOrder(tx, order);
          if (claim) await this.idempotency.complete(tx, claim, { id });
          return { result: id, changed: id, status: 'CREATED' };
        }),
      );
    } catch (error) {
      reject(error);
    }
  }
}
