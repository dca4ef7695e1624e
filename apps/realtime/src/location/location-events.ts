import { Inject, Injectable } from '@nestjs/common';
import type { OrderEventRecord } from '@shopwire/contracts';
import { CourierOrders } from './courier-orders.js';
import { CustomerLocationFeed } from './customer-location-feed.js';

/**
 * What the position stream learns from the order events this replica tails anyway (pick-ups and
 * completions). Read-only towards order events: nothing of them goes through Redis here.
 */
@Injectable()
export class LocationEvents {
  constructor(
    @Inject(CourierOrders) private readonly couriers: CourierOrders,
    @Inject(CustomerLocationFeed) private readonly feed: CustomerLocationFeed,
  ) {}

  observe(events: readonly OrderEventRecord[]): void {
    this.couriers.observe(events);
    this.feed.observe(events);
  }
}
