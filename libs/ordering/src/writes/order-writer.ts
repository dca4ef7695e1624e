import { Inject, Injectable } from '@nestjs/common';
import type { OrderStatus } from '@shopwire/contracts';
import { CompoundStatement, runAsOneTransaction, runInTransaction } from '@shopwire/database';
import { DataSource, type QueryRunner } from 'typeorm';
import { OrderEventsPublisher } from '../events/order-events-channel.js';
import { OrderEventsRepository } from '../events/order-events.repository.js';

/** What a write did to an order: order `changed` reached `status`; `result` goes to the caller. */
export interface OrderChange<T> {
  result: T;
  changed: number;
  status: OrderStatus;
}

/** Orders a placement statement inserts: the variables holding their ids (ascending), their customers. */
export interface PlacedOrders {
  ids: readonly string[];
  customers: readonly string[];
}

/**
 * THE order write (ADR 0026): the work, then the event rows of the orders it changed as the last
 * statement, COMMIT, then the nudge on the order-events channel. Placement (a group commit of
 * one order or many, each order alone when its batch failed), pick-up and delivery all write
 * through here, so the event log and the channel can never disagree with the orders.
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
   * effects) and appends its event last. A `work` that throws writes nothing and publishes nothing.
   */
  async write<T>(work: (tx: QueryRunner) => Promise<OrderChange<T>>): Promise<T> {
    const { result, eventId } = await runInTransaction(this.dataSource, async (tx) => {
      const change = await work(tx);
      return { result: change.result, eventId: await this.events.append(tx, change.changed, change.status) };
    });
    if (eventId > 0) this.orderEvents.publish(eventId);
    return result;
  }

  /**
   * Places orders in ONE round trip: `place` adds their statements to a compound statement (parts
   * that return no rows) and names what it inserts; their CREATED events follow as its last
   * writes, and the statement runs between START TRANSACTION and COMMIT carried inside it. Same
   * guarantees as `write`: on any failure nothing was written and nothing is published. Returns
   * the new order ids, in `place`'s order.
   */
  async writePlacement(place: (statement: CompoundStatement) => PlacedOrders): Promise<number[]> {
    const statement = new CompoundStatement();
    const placed = place(statement);
    this.events.addNewOrderEvents(statement, placed.ids, placed.customers);
    statement.add(`SELECT ${placed.ids.join(', ')};`);
    const [events, [row]] = (await runAsOneTransaction(this.dataSource, statement)) as [
      Array<{ id: number | string }>,
      Array<Record<string, number | string>>,
    ];
    this.orderEvents.publish(events.reduce((highest, event) => Math.max(highest, Number(event.id)), 0));
    return placed.ids.map((id) => Number(row[id]));
  }
}
