import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  NEW_ORDERS_LISTED,
  NEW_ORDERS_TOPIC,
  type NewOrdersPush,
  type NotifyCustomerJob,
  type OrderStatusPush,
} from '@shopwire/contracts';
import { OrderEventsRepository } from '@shopwire/ordering';
import { PushDeliveryRepository } from '@shopwire/push';
import { UnrecoverableError } from 'bullmq';
import { pushDeliveryLag, pushSends, type PushOutcome } from './push-metrics.js';
import { CourierPushWindow } from './courier-push-window.js';
import { WebPushSender } from './web-push-sender.js';

/** Thrown for a push the service asked to retry (429, 5xx, timeout): BullMQ retries with backoff. */
export class RetryPushError extends Error {
  override name = 'RetryPushError';
}

const lagSince = (occurredAt: Date | string) => Math.max(0, (Date.now() - new Date(occurredAt).getTime()) / 1000);

/** A courier device still inside its coalescing window: run the job again in `waitMs`. */
export interface CourierWait {
  waitMs: number;
}

/** The two sending jobs: new orders to one courier device, one status change to a customer's devices. */
@Injectable()
export class PushDeliveries {
  private readonly logger = new Logger(PushDeliveries.name);
  private readonly deletionsLogged = new Set<'gone' | 'key_mismatch'>();

  constructor(
    @Inject(PushDeliveryRepository) private readonly store: PushDeliveryRepository,
    @Inject(WebPushSender) private readonly sender: WebPushSender,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
    @Inject(CourierPushWindow) private readonly window: CourierPushWindow,
  ) {}

  /**
   * Pushes one courier device every new order after its cursor (up to the newest visible), then
   * moves the cursor — only after the push service accepted it. A device never runs two of these
   * at once (deduplication id per device), so the cursor moves monotonically. Inside the device's
   * coalescing window nothing is read: the job is to run again when the window ends, and that run
   * covers every order that arrived meanwhile.
   */
  async notifyCourier(subscriptionId: number): Promise<PushOutcome | 'skipped' | CourierWait> {
    const waitMs = await this.window.remainingMs(subscriptionId);
    if (waitMs > 0) return { waitMs };
    const sub = await this.store.courierDevice(subscriptionId);
    if (!sub || Number(sub.notify) !== 1) return 'skipped';
    const seen = Number(sub.new_orders_seen);
    const range = await this.store.newOrdersAfter(seen);
    if (Number(range.count) === 0 || range.last === null || range.first === null) return 'skipped';
    const last = Number(range.last);
    const listed = await this.store.newestOrders(seen, last, NEW_ORDERS_LISTED);
    const payload: NewOrdersPush = {
      type: 'orders.new',
      count: Number(range.count),
      orders: listed.map((row) => ({ orderId: Number(row.order_id), items: Number(row.items), total: row.total })),
      from: Number(range.first),
      to: last,
    };
    await this.window.open(sub.id);
    const outcome = await this.sender.send(sub, payload, { topic: NEW_ORDERS_TOPIC, urgency: 'high' });
    await this.settle('courier', sub.id, outcome);
    if (outcome === 'sent') pushDeliveryLag.observe({ kind: 'courier' }, lagSince(range.oldest!));
    // Rejected (another 4xx) would be rejected again: move on rather than resend the same orders
    // at every fan-out.
    if (outcome === 'sent' || outcome === 'rejected') {
      await this.store.advanceCourier(sub.id, last);
    }
    return outcome;
  }

  /**
   * Pushes a PENDING/COMPLETE event to every opted-in device of the order's customer. Devices
   * already served by an earlier attempt are in `done` and skipped; if some device must be
   * retried, `done` is saved on the job and the job fails so that BullMQ retries it.
   */
  async notifyCustomer(job: NotifyCustomerJob, saveDone: (done: number[]) => Promise<void>): Promise<number> {
    const event = await this.events.statusChange(job.eventId);
    if (!event || event.status === 'CREATED')
      throw new UnrecoverableError(`order event ${job.eventId} is not a status change`);
    // Delivered already: "picked up" would arrive after "delivered" and say the opposite.
    if (event.status === 'PENDING' && event.current === 'COMPLETE') return 0;
    const done = new Set(job.done ?? []);
    const subs = await this.store.customerDevices(event.customer_email);
    const payload: OrderStatusPush = {
      type: 'order.status',
      eventId: Number(event.id),
      orderId: Number(event.order_id),
      status: event.status,
      items: Number(event.items),
      total: event.total,
    };
    const pending = subs.filter((sub) => !done.has(Number(sub.id)));
    const outcomes = await Promise.all(
      pending.map(async (sub) => {
        // Topic per order: a push service holding an undelivered older status replaces it.
        const outcome = await this.sender.send(sub, payload, { urgency: 'normal', topic: `order-${payload.orderId}` });
        await this.settle('customer', sub.id, outcome);
        if (outcome !== 'retry') done.add(Number(sub.id));
        if (outcome === 'sent') pushDeliveryLag.observe({ kind: 'customer' }, lagSince(event.occurred_at));
        return outcome;
      }),
    );
    const retries = outcomes.filter((outcome) => outcome === 'retry').length;
    if (retries > 0) {
      await saveDone([...done]);
      throw new RetryPushError(`${retries} of ${pending.length} pushes of event ${event.id} to be retried`);
    }
    return outcomes.filter((outcome) => outcome === 'sent').length;
  }

  /**
   * Counts the outcome. A subscription its push service says is gone, or that was made with
   * another VAPID key (403), is deleted: nothing sent with our key can reach it again.
   */
  private async settle(kind: 'courier' | 'customer', subscriptionId: number, outcome: PushOutcome): Promise<void> {
    pushSends.inc({ kind, outcome });
    if (outcome !== 'gone' && outcome !== 'key_mismatch') return;
    await this.store.remove(subscriptionId);
    this.logDeletion(outcome, kind, subscriptionId);
  }

  /**
   * One line per process and reason, then only the metric: after a key rotation every old
   * subscription answers 403, and devices that are gone are routine.
   */
  private logDeletion(reason: 'gone' | 'key_mismatch', kind: 'courier' | 'customer', subscriptionId: number): void {
    const fields = { kind, subscriptionId };
    if (this.deletionsLogged.has(reason)) return;
    this.deletionsLogged.add(reason);
    if (reason === 'gone') {
      this.logger.log(
        fields,
        'a push subscription answered 404/410 (gone) and is deleted; further ones: push_sends_total{outcome="gone"}',
      );
      return;
    }
    this.logger.warn(
      fields,
      'a push service refused our VAPID key (403): the subscription was made with another key (a key ' +
        'rotation?) and is deleted; its browser re-subscribes when the app next opens. Further ones: ' +
        'push_sends_total{outcome="key_mismatch"}',
    );
  }
}
