import { Inject, Injectable } from '@nestjs/common';
import { SharedFreshRead } from '@shopwire/database';
import { BodyCache } from '@shopwire/http';
import { CustomerOrderHistoryQuery, OrderEventsRepository, type CustomerEventsVersion } from '@shopwire/ordering';

const MAX_CACHED_CUSTOMERS = 10_000;
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

/**
 * `GET /status` bodies, serialised once per version of the customer's order history.
 *
 * The version is (count, highest id) of the customer's `order_events` rows. Every order and every
 * status change writes one such row in its transaction, rows are never updated or deleted, and
 * what an order shows of its products (name, unit price, categories) and its delivery location
 * (written by the order's own INSERT, in the CREATED event's transaction) never change;
 * so the pair changes exactly when the answer may — including for an event that commits after
 * one with a higher id, which a highest-id version alone would miss. The store epoch is part of
 * the version: after a reset the same counts mean other orders. The version is read before
 * the history, so a cached body is never older than the version it is filed under.
 *
 * Versions are read for all concurrent requests in one statement, sent after each of them
 * arrived (`SharedFreshRead`, ADR 0012): as fresh as a probe per request, at one round trip per
 * batch.
 */
@Injectable()
export class StatusResponses {
  private readonly cache = new BodyCache(MAX_CACHED_CUSTOMERS, MAX_CACHED_BYTES);
  private readonly versions: SharedFreshRead<string, CustomerEventsVersion>;
  /** Bodies being built, by key: the requests of one batch that all missed build it once. */
  private readonly building = new Map<string, Promise<Buffer>>();
  private epoch?: string;

  constructor(
    @Inject(OrderEventsRepository) events: OrderEventsRepository,
    @Inject(CustomerOrderHistoryQuery) private readonly history: CustomerOrderHistoryQuery,
  ) {
    this.versions = new SharedFreshRead((emails) => events.customerVersions(emails));
  }

  async statusJson(customerEmail: string): Promise<Buffer> {
    const version = await this.versions.get(customerEmail);
    // Bodies of an earlier store (reset, restore) can never match again: drop them.
    if (version.epoch !== this.epoch) this.cache.clear();
    this.epoch = version.epoch;
    // Emails compare case-insensitively (contract §0.4), like the column's collation.
    const key = `${customerEmail.toLowerCase()}\n${version.epoch}:${version.events}:${version.newest}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let body = this.building.get(key);
    if (body === undefined) {
      body = this.build(customerEmail, key);
      this.building.set(key, body);
    }
    return body;
  }

  private async build(customerEmail: string, key: string): Promise<Buffer> {
    try {
      const body = Buffer.from(JSON.stringify({ orders: await this.history.ordersOf(customerEmail) }));
      this.cache.set(key, body);
      return body;
    } finally {
      this.building.delete(key);
    }
  }
}
