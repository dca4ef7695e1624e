import type { CourierLocationAck, CourierLocationReport } from '@shopwire/contracts';
import {
  PrivateSentinelGroup,
  createTestDatabase,
  signTestToken,
  waitUntil,
  type RunningTestApp,
} from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime, type RecordingClient } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Positions go to the customer within this long after Sentinel promoted a replica. */
const RECOVERY_BOUND_MS = 10_000;

interface Sent {
  lat: number;
  sentAt: number;
  ack?: CourierLocationAck;
}

/**
 * Issue 19 without Docker: a primary, a replica and three Sentinels of the test's own, both
 * realtime replicas and the store services on `redis-sentinel://`. The courier reports on replica
 * A every 1.1 s, its customer listens on replica B, so every position crosses Redis (publisher on
 * A, subscriber on B). The primary is killed (kill -9) several times, each time brought back as a
 * replica; after every promotion positions must reach the customer again within 10 s and keep
 * flowing. In one round the first Sentinel is paused through the failover: the connections then
 * wait on it while the others announce the switch — the moment in which ioredis' failover
 * detector used to end a connection for good (sentinel-switch.ts), made long instead of rare.
 */
describe('courier positions across Redis failovers (Sentinel, two realtime replicas)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let group: PrivateSentinelGroup;
  let store: StoreServices;
  let replicaA: RunningTestApp;
  let replicaB: RunningTestApp;
  const open: RecordingClient[] = [];

  beforeAll(async () => {
    [db, group] = await Promise.all([
      createTestDatabase('rt_location_failover'),
      PrivateSentinelGroup.start('positions', 3),
    ]);
    const env = { REDIS_URL: group.url, REALTIME_POLL_INTERVAL_MS: '200' };
    store = await startStoreServices(db.url, env);
    [replicaA, replicaB] = await Promise.all([startRealtime(db.url, env), startRealtime(db.url, env)]);
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await Promise.all([replicaA?.close(), replicaB?.close(), store?.close()]);
    await Promise.all([db?.drop(), group?.stop()]);
  });

  it('positions reach the customer again after every promotion, and keep flowing', async () => {
    const customerToken = signTestToken('failover-tracking@example.org', 'customer');
    const courierToken = signTestToken('failover-rider@example.org', 'courier');
    const customer = await connectRecording(replicaB.url, customerToken);
    const courier = await connectRecording(replicaA.url, courierToken);
    open.push(customer, courier);
    const orderId = await store.placeOrder(customerToken);
    await store.pickUp(courierToken, orderId);
    await courier.waitFor((events) => events.some((e) => e.name === 'order.taken' && e.orderId === orderId));

    // The courier's device: one report every 1.1 s (the rate limit is one a second), all along.
    const sent: Sent[] = [];
    let lat = 44;
    const report = () => {
      const entry: Sent = { lat: (lat += 0.0001), sentAt: Date.now() };
      sent.push(entry);
      const fix: CourierLocationReport = { lat: entry.lat, lng: 20.46, at: entry.sentAt };
      courier.client.socket.emit('courier.location', fix, (ack: CourierLocationAck) => (entry.ack = ack));
    };
    const device = setInterval(report, 1100);
    const delivered = (entry: Sent) => customer.positions.some((p) => p.lat === entry.lat);
    /** When the first report sent after `from` reached the customer (polls; undefined at the deadline). */
    const firstDeliveredAfter = async (from: number, deadline: number) => {
      while (Date.now() < deadline) {
        const hit = sent.find((entry) => entry.sentAt >= from && delivered(entry));
        if (hit) return hit;
        await sleep(100);
      }
      return undefined;
    };

    /** What the device heard back for every report sent since `from`, and where the customer's feed stands. */
    const acksSince = async (from: number) => {
      const acks = sent
        .filter((entry) => entry.sentAt >= from)
        .map(({ ack }) => (ack ? (ack.ok ? 'ok' : ack.error) : 'no ack'));
      const channel = await group.channelState('shopwire:courier-location:to:failover-tracking@example.org');
      const socket = `customer socket ${customer.client.socket.connected ? 'connected' : 'not connected'}, ${customer.readies.length} ready, ${customer.positions.length} positions`;
      return `${acks.join()}; ${socket}; ${channel}`;
    };

    try {
      // Before any failover: positions flow (bounded like a recovery: the full suite can load the
      // two cores enough for a first report to take seconds).
      const start = Date.now();
      const firstSeen = await firstDeliveredAfter(start, start + RECOVERY_BOUND_MS);
      expect(firstSeen, `no position delivered before any failover; acks: ${await acksSince(start)}`).toBeDefined();
      const rounds = [{ pauseFirstSentinel: false }, { pauseFirstSentinel: true }, { pauseFirstSentinel: false }];
      for (const [round, { pauseFirstSentinel }] of rounds.entries()) {
        const first = group.sentinelPorts[0]!;
        if (pauseFirstSentinel) group.pauseSentinel(first, true);
        const killed = await group.killPrimary();
        const promotedAt = Date.now();
        if (pauseFirstSentinel) {
          await sleep(1500); // the other Sentinels announce the switch meanwhile
          group.pauseSentinel(first, false);
        }
        const back = await firstDeliveredAfter(promotedAt, promotedAt + RECOVERY_BOUND_MS);
        expect(
          back,
          `round ${round}: no position delivered after the promotion; acks: ${await acksSince(promotedAt)}`,
        ).toBeDefined();
        // And they keep flowing: the next three reports all arrive (each acknowledged `ok`).
        // Counted, not timed: the device's 1.1 s interval runs late when the suite loads the box,
        // so a fixed 3.3 s window could hold only two reports. Each gets 1 s to arrive.
        const after = Date.now();
        const nextThree = () => sent.filter((entry) => entry.sentAt >= after).slice(0, 3);
        await waitUntil(
          () => nextThree().length === 3 && Date.now() - nextThree()[2].sentAt >= 1000,
          RECOVERY_BOUND_MS,
          () => `round ${round}: three more reports; sent ${nextThree().length}`,
        );
        const next = nextThree();
        expect(next.map((entry) => [entry.ack?.ok, delivered(entry)])).toEqual(next.map(() => [true, true]));
        await group.rejoin(killed);
      }
    } finally {
      clearInterval(device);
    }
  }, 180_000);
});
