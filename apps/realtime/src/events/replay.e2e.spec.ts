import mysql from 'mysql2/promise';
import { createTestDatabase, signTestToken, type RunningTestApp } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

const courierToken = signTestToken('courier@example.org', 'courier');

async function newestEventId(databaseUrl: string): Promise<number> {
  const connection = await mysql.createConnection(databaseUrl);
  try {
    const [rows] = await connection.query('SELECT MAX(id) AS id FROM order_events');
    return Number((rows as Array<{ id: number }>)[0]!.id);
  } finally {
    await connection.end();
  }
}

/** Waits until a fresh connection to `url` reports a tail position of at least `eventId`. */
async function tailerReaches(url: string, eventId: number): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const probe = await connectRecording(url, courierToken);
    const position = probe.readies[0]!.lastEventId;
    probe.close();
    if (position >= eventId) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the tailer of ${url} did not reach event ${eventId}`);
}

/** Guarantee 4: a client resuming from lastEventId gets every later event for it, in order, then live. */
describe('replay on reconnect', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: StoreServices;
  let realtime: RunningTestApp;
  let smallReplay: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_replay');
    store = await startStoreServices(db.url);
    [realtime, smallReplay] = await Promise.all([
      startRealtime(db.url),
      startRealtime(db.url, { REALTIME_REPLAY_LIMIT: '3' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([realtime?.close(), smallReplay?.close(), store?.close()]);
    await db?.drop();
  });

  it('replays what a dropped client missed, in order, then continues live', async () => {
    const email = 'resume@example.org';
    const token = signTestToken(email, 'customer');
    const client = await connectRecording(realtime.url, token);
    const first = await store.placeOrder(token);
    await client.waitFor((events) => events.length === 1);

    // A courier on the same replica sees the last pick-up only once the tailer has delivered it:
    // from then on, everything the customer missed is behind the cursor and must come as replay
    // (on a loaded machine the tailer can otherwise lag and hand some of it over live).
    const watcher = await connectRecording(realtime.url, courierToken);
    client.client.socket.disconnect();
    const second = await store.placeOrder(token);
    await store.pickUp(courierToken, first);
    await store.placeOrder(signTestToken('someone-else@example.org', 'customer'));
    await store.pickUp(courierToken, second);
    await watcher.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === second));
    watcher.close();

    client.client.socket.connect(); // the client library resends its lastEventId
    await client.waitFor((events) => events.length === 4);
    expect(client.events.map((e) => [e.orderId, e.status])).toEqual([
      [first, 'CREATED'],
      [second, 'CREATED'],
      [first, 'PENDING'],
      [second, 'PENDING'],
    ]);
    expect(client.readies.at(-1)?.replayed).toBe(3); // another customer's order is not replayed

    const third = await store.placeOrder(token);
    await client.waitFor((events) => events.some((e) => e.orderId === third));
    const ids = client.events.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    client.close();
  });

  it('replays a courier the board changes after its lastEventId, then live ones', async () => {
    const customer = signTestToken('board@example.org', 'customer');
    const start = await connectRecording(realtime.url, courierToken);
    const resumeFrom = start.readies[0]!.lastEventId;
    start.close();
    const a = await store.placeOrder(customer);
    await store.pickUp(courierToken, a);
    const b = await store.placeOrder(customer);
    // All three as replay, not partly live: the replica's tail must have reached them first.
    await tailerReaches(realtime.url, await newestEventId(db.url));

    const courier = await connectRecording(realtime.url, courierToken, resumeFrom);
    expect(courier.events.map((e) => [e.name, e.orderId])).toEqual([
      ['order.available', a],
      ['order.taken', a],
      ['order.status', a], // this courier's own pick-up (same eventId as order.taken)
      ['order.available', b],
    ]);
    const c = await store.placeOrder(customer);
    await courier.waitFor((events) => events.at(-1)?.orderId === c);
    courier.close();
  });

  it('tells a client too far behind to resync, then delivers live events', async () => {
    const email = 'behind@example.org';
    const token = signTestToken(email, 'customer');
    for (let i = 0; i < 4; i++) await store.placeOrder(token);
    // Replay runs up to the replica's tail cursor: let it reach the new events first, or they
    // would (correctly) arrive live instead and there would be nothing to be behind on.
    await tailerReaches(smallReplay.url, await newestEventId(db.url));
    const client = await connectRecording(smallReplay.url, token, 0);
    expect(client.events).toEqual([]);
    expect(client.resyncs).toHaveLength(1);
    expect(client.client.lastEventId).toBe(client.resyncs[0]!.lastEventId);

    const live = await store.placeOrder(token);
    await client.waitFor((events) => events.some((e) => e.orderId === live));
    client.close();
  });
});
