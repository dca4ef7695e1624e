import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { runInTransaction } from '@shopwire/database';
import { OrderEventsRepository, type UndispatchedEventRow } from '@shopwire/ordering';
import { PushDeliveryRepository } from '@shopwire/push';
import { PUSH_QUEUE, PushJobs, type NotifyCourierJob, type NotifyCustomerJob } from '@shopwire/contracts';
import type { Queue } from 'bullmq';
import type { QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { pushEventsDispatched } from './push-metrics.js';
import {
  PUSH_OPTIONS,
  courierDeduplicationId,
  customerJobId,
  sendJobOptions,
  type PushOptions,
} from './push-options.js';

/** Looking again for events another transaction held: every 20 ms, for up to 1 s. */
const LOCKED_LOOK_EVERY_MS = 20;
const LOCKED_LOOKS = 50;

/**
 * Turns committed order events into push work, like the statistics applier (ADR 0004): it reads
 * `order_events` rows not yet marked `push_dispatched`, so nothing depends on an in-memory signal
 * and events committed while the worker was down are dispatched when it comes back.
 *
 * In one transaction per batch: CREATED → appended to the courier stream `push_new_orders`;
 * PENDING/COMPLETE → one `notify-customer` job per event (job id = event id, so a batch retried
 * after a failed commit adds nothing twice); then the events are marked. The `push_state` row
 * lock serialises dispatchers, so stream `seq` values become visible in increasing order.
 */
@Injectable()
export class OrderEventsDispatcher {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @InjectQueue(PUSH_QUEUE) private readonly queue: Queue,
    @Inject(PUSH_OPTIONS) private readonly options: PushOptions,
    @Inject(PushDeliveryRepository) private readonly store: PushDeliveryRepository,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
  ) {}

  /**
   * Dispatches batches until none is left, then wakes the courier devices that are behind.
   *
   * SKIP LOCKED also skips committed events the statistics applier holds at that moment (it locks
   * the same rows, woken by the same nudge); that nudge is then spent, and the event would wait for
   * the next order or the catch-up job — seconds when the shop is quiet. So when a pass locks
   * nothing while committed events are undispatched, it looks again shortly, for a bounded time.
   */
  async dispatchAll(): Promise<number> {
    let total = 0;
    for (let lookedAgain = 0; ;) {
      const dispatched = await this.dispatchBatch();
      total += dispatched;
      if (dispatched > 0) continue;
      if (lookedAgain >= LOCKED_LOOKS || !(await this.events.anyUndispatched(this.dataSource))) break;
      lookedAgain++;
      await sleep(LOCKED_LOOK_EVERY_MS);
    }
    await this.fanOutNewOrders();
    return total;
  }

  /**
   * One `notify-courier` job per opted-in courier device whose cursor is behind the stream. The
   * deduplication id is the device: at most one job waits per device (plus one running), and it
   * sends everything new when it runs — under load a push simply covers more orders.
   */
  async fanOutNewOrders(): Promise<number> {
    const behind = await this.store.couriersBehind();
    if (behind.length === 0) return 0;
    const opts = sendJobOptions(this.options);
    await this.queue.addBulk(
      behind.map((id) => ({
        name: PushJobs.notifyCourier,
        data: { subscriptionId: id } satisfies NotifyCourierJob,
        opts: { ...opts, deduplication: { id: courierDeduplicationId(id), keepLastIfActive: true } },
      })),
    );
    return behind.length;
  }

  private dispatchBatch(): Promise<number> {
    const work = async (runner: QueryRunner) => {
      await this.store.lockDispatch(runner);
      const events = await this.events.lockUndispatched(
        runner,
        this.options.maxEventAgeSeconds,
        this.options.dispatchBatchSize,
      );
      if (events.length > 0) await this.dispatch(runner, events);
      return events.length;
    };
    // READ COMMITTED: no gap locks, so order transactions appending events never wait on us.
    return runInTransaction(this.dataSource, work, { isolation: 'READ COMMITTED', attempts: 5 });
  }

  private async dispatch(runner: QueryRunner, events: UndispatchedEventRow[]): Promise<void> {
    const fresh = events.filter((event) => Number(event.stale) !== 1);
    const created = fresh.filter((event) => event.status === 'CREATED').map((event) => Number(event.id));
    const changed = fresh.filter((event) => event.status !== 'CREATED').map((event) => Number(event.id));
    if (created.length > 0) {
      await this.store.appendNewOrders(runner, created);
    }
    if (changed.length > 0) {
      // Added before COMMIT: if the commit then fails, the retry adds the same job ids (no-ops).
      const opts = sendJobOptions(this.options);
      await this.queue.addBulk(
        changed.map((eventId) => ({
          name: PushJobs.notifyCustomer,
          data: { eventId } satisfies NotifyCustomerJob,
          opts: { ...opts, jobId: customerJobId(eventId) },
        })),
      );
    }
    await this.events.markDispatched(
      runner,
      events.map((event) => Number(event.id)),
    );
    pushEventsDispatched.inc({ outcome: 'dispatched' }, fresh.length);
    if (fresh.length < events.length) pushEventsDispatched.inc({ outcome: 'stale' }, events.length - fresh.length);
  }
}
