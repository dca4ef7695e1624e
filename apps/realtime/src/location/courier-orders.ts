import { Inject, Injectable } from '@nestjs/common';
import type { GeoPoint, OrderEventRecord } from '@shopwire/contracts';
import { OrdersInDeliveryQuery } from '@shopwire/ordering';
import type { SpeedState } from './eta.js';

/** A PENDING order of a courier connected here: who gets its positions, and where it goes. */
export interface ActiveOrder {
  orderId: number;
  customerEmail: string;
  /** Resolves once read from the database (it is not in the event); null when none was given. */
  destination: Promise<GeoPoint | null>;
}

interface CourierEntry {
  sockets: number;
  orders: Map<number, ActiveOrder>;
  /** Events seen while the initial load runs; applied after it, in order. */
  queued?: OrderEventRecord[];
  loaded: Promise<void>;
  speed?: SpeedState;
}

/**
 * The PENDING orders of the couriers connected to THIS replica, kept current by the order events
 * the replica tails anyway: PENDING adds the order to its courier, COMPLETE removes it. That is
 * what makes positions start at pick-up and stop at COMPLETE, and go only to those orders'
 * customers. Loaded from `orders` when a courier's first socket connects; events arriving during
 * that load are queued and applied after it, so none is lost between the read and the stream.
 */
@Injectable()
export class CourierOrders {
  private readonly couriers = new Map<string, CourierEntry>();

  constructor(@Inject(OrdersInDeliveryQuery) private readonly orders: OrdersInDeliveryQuery) {}

  /** Registers one more socket of this courier; resolves once its orders are known. */
  attach(courierEmail: string): Promise<void> {
    const key = courierEmail.toLowerCase();
    const existing = this.couriers.get(key);
    if (existing) {
      existing.sockets++;
      return existing.loaded;
    }
    const entry: CourierEntry = { sockets: 1, orders: new Map(), queued: [], loaded: Promise.resolve() };
    this.couriers.set(key, entry);
    entry.loaded = this.load(key, entry);
    return entry.loaded;
  }

  detach(courierEmail: string): void {
    const key = courierEmail.toLowerCase();
    const entry = this.couriers.get(key);
    if (entry && --entry.sockets === 0) this.couriers.delete(key);
  }

  /** The courier's PENDING orders now (empty when it holds none or is not connected here). */
  ordersOf(courierEmail: string): ActiveOrder[] {
    return [...(this.couriers.get(courierEmail.toLowerCase())?.orders.values() ?? [])];
  }

  speedOf(courierEmail: string): SpeedState | undefined {
    return this.couriers.get(courierEmail.toLowerCase())?.speed;
  }

  setSpeed(courierEmail: string, speed: SpeedState): void {
    const entry = this.couriers.get(courierEmail.toLowerCase());
    if (entry) entry.speed = speed;
  }

  /** Feeds tailed order events (in id order). */
  observe(events: readonly OrderEventRecord[]): void {
    for (const event of events) {
      if (event.courierEmail === null) continue;
      const entry = this.couriers.get(event.courierEmail.toLowerCase());
      if (!entry) continue;
      if (entry.queued) entry.queued.push(event);
      else this.apply(entry, event);
    }
  }

  private async load(key: string, entry: CourierEntry): Promise<void> {
    try {
      for (const order of await this.orders.ofCourier(key)) {
        entry.orders.set(order.orderId, { ...order, destination: Promise.resolve(order.destination) });
      }
    } finally {
      const queued = entry.queued ?? [];
      entry.queued = undefined;
      for (const event of queued) this.apply(entry, event);
    }
  }

  private apply(entry: CourierEntry, event: OrderEventRecord): void {
    if (event.status === 'PENDING') {
      entry.orders.set(event.orderId, {
        orderId: event.orderId,
        customerEmail: event.customerEmail,
        destination: this.destinationOf(event.orderId),
      });
    } else if (event.status === 'COMPLETE') {
      entry.orders.delete(event.orderId);
    }
  }

  private async destinationOf(orderId: number): Promise<GeoPoint | null> {
    try {
      return await this.orders.destinationOf(orderId);
    } catch {
      return null; // no ETA for this order rather than no position
    }
  }
}
