import { createTestDatabase, signTestToken, type RunningTestApp } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime, type ReceivedEvent } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

const courierToken = signTestToken('courier@example.org', 'courier');
const customerToken = (email: string) => signTestToken(email, 'customer');
const statusesOf = (events: ReceivedEvent[], orderId: number) =>
  events.filter((e) => e.orderId === orderId && e.name === 'order.status').map((e) => e.status);
const isIncreasing = (ids: number[]) => ids.every((id, i) => i === 0 || id > ids[i - 1]!);

/**
 * Guarantees 1, 3 and 5 through the real HTTP services, two realtime replicas and real sockets:
 * ordered per order / at-least-once / stable ids, any replica hears every service, no leaks.
 */
describe('live delivery of order events', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: StoreServices;
  let replicaA: RunningTestApp;
  let replicaB: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_live');
    store = await startStoreServices(db.url);
    [replicaA, replicaB] = await Promise.all([startRealtime(db.url), startRealtime(db.url)]);
  });
  afterAll(async () => {
    await Promise.all([replicaA?.close(), replicaB?.close(), store?.close()]);
    await db?.drop();
  });

  it('delivers each order CREATED → PENDING → COMPLETE in order, once per id, with stable ids', async () => {
    const email = 'ordered@example.org';
    const customer = await connectRecording(replicaA.url, customerToken(email));
    const courier = await connectRecording(replicaA.url, courierToken);

    const orderIds = await Promise.all([1, 2, 3, 4, 5].map(() => store.placeOrder(customerToken(email))));
    await Promise.all(orderIds.map((id) => store.pickUp(courierToken, id)));
    await Promise.all(orderIds.map((id) => store.deliver(customerToken(email), id)));

    await customer.waitFor((events) => events.length === 15);
    for (const id of orderIds) expect(statusesOf(customer.events, id)).toEqual(['CREATED', 'PENDING', 'COMPLETE']);
    expect(isIncreasing(customer.events.map((e) => e.eventId))).toBe(true);
    // The board's two events per order, and (this courier picked them all up) each order's
    // PENDING and COMPLETE for its deliveries.
    await courier.waitFor((events) => events.length === 20);
    for (const id of orderIds) {
      expect(courier.events.filter((e) => e.orderId === id).map((e) => [e.name, e.status ?? null])).toEqual([
        ['order.available', null],
        ['order.taken', null],
        ['order.status', 'PENDING'],
        ['order.status', 'COMPLETE'],
      ]);
    }

    // Stable ids: replaying the whole history yields the same events with the same ids.
    const replayed = await connectRecording(replicaB.url, customerToken(email), 0);
    expect(replayed.events).toEqual(customer.events);
    for (const client of [customer, courier, replayed]) client.close();
  });

  it('delivers on either replica events caused by either HTTP service', async () => {
    const email = 'replicas@example.org';
    const onA = await connectRecording(replicaA.url, customerToken(email));
    const onB = await connectRecording(replicaB.url, customerToken(email));
    const courierOnB = await connectRecording(replicaB.url, courierToken);

    const orderId = await store.placeOrder(customerToken(email)); // customer service
    await store.pickUp(courierToken, orderId); // courier service
    for (const client of [onA, onB]) {
      await client.waitFor((events) => statusesOf(events, orderId).length === 2);
      expect(statusesOf(client.events, orderId)).toEqual(['CREATED', 'PENDING']);
    }
    expect(onA.events).toEqual(onB.events);
    await courierOnB.waitFor((events) => events.some((e) => e.orderId === orderId && e.name === 'order.taken'));
    for (const client of [onA, onB, courierOnB]) client.close();
  });

  it('gives 100 connected customers exactly their own orders’ events and nothing else', async () => {
    const emails = Array.from({ length: 100 }, (_, i) => `crowd${i}@example.org`);
    const clients = await Promise.all(
      emails.map((email, i) => connectRecording((i % 2 ? replicaA : replicaB).url, customerToken(email))),
    );
    const orders = new Map<string, number[]>();
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        emails.slice(round * 10, round * 10 + 10).map(async (email, i) => {
          const ids = [await store.placeOrder(customerToken(email))];
          if (i % 2 === 0) ids.push(await store.placeOrder(customerToken(email)));
          orders.set(email, ids);
        }),
      );
    }
    await Promise.all(
      clients.map((client, i) => client.waitFor((events) => events.length === orders.get(emails[i]!)!.length)),
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for any leak to show up
    let leaked = 0;
    clients.forEach((client, i) => {
      const own = orders.get(emails[i]!)!;
      leaked += client.events.filter((e) => !own.includes(e.orderId) || e.name !== 'order.status').length;
      expect(client.events.map((e) => e.orderId)).toEqual(own);
    });
    expect(leaked).toBe(0);
    for (const client of clients) client.close();
  });
});
