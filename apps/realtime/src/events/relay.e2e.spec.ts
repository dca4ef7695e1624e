import {
  PrivateRedis,
  createTestDatabase,
  freePort,
  signTestToken,
  testEnv,
  waitFor,
  waitUntil,
} from '@shopwire/testing';
import { connectRecording, startBuiltApp, type BuiltApp, type RecordingClient } from '@shopwire/test-support';
import { Redis } from 'ioredis';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';
import { databaseName } from './relay-stream.js';

/** The relay (ADR 0027) across built replicas, each its own process, on a private Redis. */
const EMAIL = 'relay@example.org';
const TOKEN = signTestToken(EMAIL, 'customer');
const COURIER = signTestToken('relay-courier@example.org', 'courier');

interface Replica {
  app: BuiltApp;
  url: string;
  client: RecordingClient;
}

describe('realtime relay: one replica reads order_events, the others follow its stream', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Pool;
  let redis: PrivateRedis;
  let admin: Redis;
  let store: StoreServices;
  let prefix: string;
  let replicas: Replica[] = [];

  async function startReplica(): Promise<Replica> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = testEnv({
      STORE_DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REALTIME_PORT: String(port),
      REALTIME_POLL_INTERVAL_MS: '100',
      REALTIME_RELAY_LEASE_MS: '900',
      // No rollbacks here; a long grace keeps the stall fallback (grace + lease) out of the hole test.
      REALTIME_GAP_GRACE_MS: '8000',
    });
    const app = await startBuiltApp('realtime', env, url);
    return { app, url, client: await connectRecording(url, TOKEN) };
  }

  async function metric(replica: Replica, series: string): Promise<number> {
    const text = await (await fetch(`${replica.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  }
  const role = (replica: Replica, name: string) => metric(replica, `realtime_relay_role{role="${name}"}`);
  const tailReads = (replica: Replica) => metric(replica, 'realtime_order_events_reads_total{reason="tail"}');
  const holeReads = (replica: Replica) => metric(replica, 'realtime_order_events_reads_total{reason="hole"}');

  /** Waits for one leader and every other replica following the stream; returns the leader. */
  async function settledRoles(): Promise<Replica> {
    let leader: Replica | undefined;
    await waitFor(
      'one leader, the rest following',
      async () => {
        const leaders = [];
        for (const replica of replicas) {
          if ((await role(replica, 'leader')) === 1) leaders.push(replica);
          else if ((await role(replica, 'follower')) !== 1) return false;
        }
        leader = leaders[0];
        return leaders.length === 1;
      },
      15_000,
    );
    return leader!;
  }

  /** The customer's committed event ids, ascending. */
  async function committedIds(): Promise<number[]> {
    const [rows] = await sql.query<RowDataPacket[]>(
      'SELECT id FROM order_events WHERE customer_email = ? ORDER BY id',
      [EMAIL],
    );
    return rows.map((row) => Number(row.id));
  }

  /** Every replica's socket got exactly the committed events, once each, in id order. */
  async function expectEveryEventOnceInOrder(): Promise<void> {
    const ids = await committedIds();
    for (const { client } of replicas) {
      await waitUntil(
        () => client.events.length >= ids.length,
        20_000,
        () => `${JSON.stringify(client.events.map((e) => e.eventId))} vs ${JSON.stringify(ids)}`,
      );
      expect(client.events.map((event) => event.eventId)).toEqual(ids);
    }
  }

  async function traffic(orders: number): Promise<void> {
    for (let i = 0; i < orders; i++) {
      const orderId = await store.placeOrder(TOKEN);
      if (i % 2 === 0) await store.pickUp(COURIER, orderId);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('rt_relay');
    sql = createPool({ uri: db.url, connectionLimit: 2 });
    redis = await PrivateRedis.start();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
    prefix = `shopwire:realtime-relay:${databaseName(db.url)}`;
    store = await startStoreServices(db.url, { REDIS_URL: redis.url });
    for (let i = 0; i < 3; i++) replicas.push(await startReplica());
  }, 120_000);
  afterAll(async () => {
    for (const replica of replicas) replica.client.close();
    await Promise.all(replicas.map((replica) => replica.app.stop()));
    await store?.close();
    admin?.disconnect();
    await redis?.kill();
    await sql?.end();
    await db?.drop();
  });

  it('gives every socket on every replica every event once, in order, and only the leader reads the table', async () => {
    const leader = await settledRoles();
    const followers = replicas.filter((replica) => replica !== leader);
    const before = await Promise.all(followers.map(tailReads));
    const leaderBefore = await tailReads(leader);
    await traffic(12);
    await expectEveryEventOnceInOrder();
    expect(await Promise.all(followers.map(tailReads))).toEqual(before);
    expect(await tailReads(leader)).toBeGreaterThan(leaderBefore);
  });

  it('fills a hole in the stream from the table', async () => {
    // A leader no replica can be: nothing reaches the stream while orders are placed.
    await admin.set(`${prefix}:leader`, 'someone-else', 'PX', 60_000);
    await waitFor(
      'no replica leads',
      async () => (await Promise.all(replicas.map((r) => role(r, 'follower')))).every((v) => v === 1),
      10_000,
    );
    await traffic(4);
    // What a leader that started ahead of the stream adds: the newest event, chained to the one before.
    const [[row]] = await sql.query<RowDataPacket[]>(
      `SELECT id, order_id, customer_email, status, courier_email, occurred_at
         FROM order_events WHERE customer_email = ? ORDER BY id DESC LIMIT 1`,
      [EMAIL],
    );
    const event = {
      id: Number(row.id),
      orderId: Number(row.order_id),
      customerEmail: row.customer_email,
      status: row.status,
      courierEmail: row.courier_email,
      occurredAt: new Date(row.occurred_at).toISOString(),
    };
    const generation = String(await admin.get(`${prefix}:generation`));
    const stream = `${prefix}:stream:${generation.slice(0, generation.indexOf(' '))}`;
    const holesBefore = await Promise.all(replicas.map(holeReads));
    await admin.xadd(stream, `${event.id}-0`, 'e', JSON.stringify(event), 'p', String(event.id - 1), 't', Date.now());
    await expectEveryEventOnceInOrder();
    const holesAfter = await Promise.all(replicas.map(holeReads));
    holesAfter.forEach((count, i) => expect(count).toBeGreaterThan(holesBefore[i]));

    await admin.del(`${prefix}:leader`);
    await settledRoles();
    await traffic(4);
    await expectEveryEventOnceInOrder();
  });

  it('reads the table itself when announced events do not come through the stream (a leader that cannot read)', async () => {
    await settledRoles();
    await admin.set(`${prefix}:leader`, 'someone-stuck', 'PX', 60_000);
    await waitFor(
      'no replica leads',
      async () => (await Promise.all(replicas.map((r) => role(r, 'follower')))).every((v) => v === 1),
      10_000,
    );
    const stalls = () => Promise.all(replicas.map((r) => metric(r, 'realtime_relay_stalls_total')));
    const before = await stalls();
    await traffic(2);
    await expectEveryEventOnceInOrder(); // after grace + lease (8.9 s here) at the latest
    (await stalls()).forEach((count, i) => expect(count).toBeGreaterThan(before[i]));
    await admin.del(`${prefix}:leader`);
    await settledRoles();
    await traffic(2);
    await expectEveryEventOnceInOrder();
  });

  it('loses nothing for the survivors when the leader is killed', async () => {
    const leader = await settledRoles();
    leader.client.close();
    await leader.app.kill();
    replicas = replicas.filter((replica) => replica !== leader);
    await traffic(6); // placed while the lease of the dead leader runs out
    await settledRoles();
    await traffic(4);
    await expectEveryEventOnceInOrder();
  });

  it('keeps delivering from the table while Redis is down, then follows the stream again', async () => {
    await settledRoles();
    await redis.kill();
    await traffic(6); // no nudges, no stream: each replica polls the table
    await expectEveryEventOnceInOrder();
    // The leader too, once its lease would have run out: no replica relays through a dead Redis.
    await waitFor(
      'every replica tailing the table',
      async () => (await Promise.all(replicas.map((r) => role(r, 'tailing')))).every((v) => v === 1),
      10_000,
    );

    await redis.restart(); // empty: no lease, no generation, no stream
    await traffic(4);
    await settledRoles();
    await traffic(4);
    await expectEveryEventOnceInOrder();
  });
});
