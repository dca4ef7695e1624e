import { Inject, Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@shopwire/database';
import { OrderEventsRepository } from '@shopwire/ordering';
import { DataSource } from 'typeorm';
import { DELIVERABLE_SUBSCRIPTION_SQL } from '../subscriptions/deliverable-subscription.js';

/** A device to push to, with its cursor on the new-order stream. */
export interface PushDevice {
  id: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  new_orders_seen: number | string;
}

/** New orders after a cursor: how many, the seq range and the oldest one's time. */
export interface NewOrdersRange {
  count: number | string;
  first: number | null;
  last: number | null;
  oldest: Date | null;
}

/**
 * The worker's side of the push tables (ADR 0010): the courier new-order stream
 * (`push_new_orders`), the dispatcher lock (`push_state`) and the devices' cursors and removal in
 * `push_subscriptions`. Registration is `PushSubscriptionsRepository` (the HTTP side).
 */
@Injectable()
export class PushDeliveryRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A courier device with its opt-in flag, if it still exists. */
  async courierDevice(id: number): Promise<(PushDevice & { notify: number }) | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT id, endpoint, p256dh, auth, notify, new_orders_seen FROM push_subscriptions
        WHERE id = ? AND role = 'courier' AND ${DELIVERABLE_SUBSCRIPTION_SQL}`,
      [id],
    );
    return row;
  }

  /** A customer's opted-in devices, by id. */
  customerDevices(email: string): Promise<PushDevice[]> {
    return this.dataSource.query(
      `SELECT id, endpoint, p256dh, auth, new_orders_seen FROM push_subscriptions
        WHERE account_email = ? AND role = 'customer' AND notify = 1 AND ${DELIVERABLE_SUBSCRIPTION_SQL} ORDER BY id`,
      [email],
    );
  }

  /** Moves a courier device's cursor forward (never back). */
  async advanceCourier(id: number, seen: number): Promise<void> {
    await this.dataSource.query(
      'UPDATE push_subscriptions SET new_orders_seen = ? WHERE id = ? AND new_orders_seen < ?',
      [seen, id, seen],
    );
  }

  async remove(id: number): Promise<void> {
    await this.dataSource.query('DELETE FROM push_subscriptions WHERE id = ?', [id]);
  }

  /** Opted-in courier devices whose cursor is behind the newest new order. */
  async couriersBehind(): Promise<number[]> {
    const [{ newest }] = await this.dataSource.query('SELECT COALESCE(MAX(seq), 0) AS newest FROM push_new_orders');
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM push_subscriptions
        WHERE role = 'courier' AND notify = 1 AND new_orders_seen < ? AND ${DELIVERABLE_SUBSCRIPTION_SQL}`,
      [newest],
    );
    return rows.map((row) => Number(row.id));
  }

  async newOrdersAfter(seen: number): Promise<NewOrdersRange> {
    const [range] = await this.dataSource.query(
      `SELECT COUNT(*) AS count, MIN(seq) AS first, MAX(seq) AS last, MIN(occurred_at) AS oldest
         FROM push_new_orders WHERE seq > ?`,
      [seen],
    );
    return range;
  }

  /** The newest `limit` new orders in (seen, last], newest first. */
  newestOrders(
    seen: number,
    last: number,
    limit: number,
  ): Promise<Array<{ order_id: number; items: number | string; total: number }>> {
    return this.dataSource.query(
      `SELECT order_id, items, total FROM push_new_orders WHERE seq > ? AND seq <= ? ORDER BY seq DESC LIMIT ?`,
      [seen, last, limit],
    );
  }

  /** In the dispatcher's transaction: the row lock that serialises dispatchers. */
  async lockDispatch(tx: SqlExecutor): Promise<void> {
    await tx.query('SELECT id FROM push_state WHERE id = 1 FOR UPDATE');
  }

  /** In the dispatcher's transaction: appends the orders of these CREATED events to the stream. */
  async appendNewOrders(tx: SqlExecutor, createdEventIds: readonly number[]): Promise<void> {
    await tx.query(
      `INSERT INTO push_new_orders (event_id, order_id, items, total, occurred_at)
       ${OrderEventsRepository.NEW_ORDER_SUMMARIES_SQL}`,
      [createdEventIds],
    );
  }
}
