import { Inject, Injectable } from '@nestjs/common';
import type { OrderStatus } from '@shopwire/contracts';
import { runInTransaction } from '@shopwire/database';
import { DataSource, type QueryRunner } from 'typeorm';
import { OrderEventsPublisher } from '../events/order-events-channel.js';
import { OrderEventsRepository } from '../events/order-events.repository.js';

/** What a write did to orders: every order in `changed` reached `status`; `result` goes to the caller. */
export interface OrderChange<T> {
  result: T;
  changed: readonly number[];
  status: OrderStatus;
  /** Orders the work just placed: their customers, in `changed`'s order (their events need no read). */
  newOrders?: { customers: readonly string[] };
}

/**
 * THE order write (ADR 0026): the work, then the event rows of the orders it changed as the last
 * statement, COMMIT, then the nudge on the order-events channel. Placement (one order or a group
 * commit of many), pick-up and delivery all write through here, so the event log and the
 * channel can never disagree with the orders.
 */
@Injectable()
export class OrderWriter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrderEventsPublisher) private readonly orderEvents: OrderEventsPublisher,
    @Inject(OrderEventsRepository) private readonly events: OrderEventsRepository,
  ) {}

  /**
   * Runs `work` in one transaction (retried whole on a deadlock, so `work` holds only database
   * effects) and appends its events last. A `work` that throws writes nothing and publishes nothing.
   */
  async write<T>(work: (tx: QueryRunner) => Promise<OrderChange<T>>): Promise<T> {
    const { result, eventId } = await runInTransaction(this.dataSource, async (tx) => {
      const change = await work(tx);
      const eventId = change.changed.length
        ? await this.events.append(tx, change.changed, change.status, change.newOrders)
        : 0;
      return { result: change.result, eventId };
    });
    if (eventId > 0) this.orderEvents.publish(eventId);
    return result;
  }
}
