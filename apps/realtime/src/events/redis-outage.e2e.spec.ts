import {
  PrivateRedis,
  createTestDatabase,
  httpClient,
  signTestToken,
  type RunningTestApp,
  waitUntil,
} from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

/** Guarantee 2: a Redis restart in the middle of traffic delays nothing much and loses nothing. */
describe('Redis outage', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: PrivateRedis;
  let store: StoreServices;
  let realtime: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_redis');
    redis = await PrivateRedis.start();
    store = await startStoreServices(db.url, { REDIS_URL: redis.url });
    realtime = await startRealtime(db.url, { REDIS_URL: redis.url, REALTIME_POLL_INTERVAL_MS: '200' });
  });
  afterAll(async () => {
    await Promise.all([realtime?.close(), store?.close()]);
    await redis?.kill();
    await db?.drop();
  });

  it('delivers every event, in order, while Redis is killed and restarted mid-traffic', async () => {
    const email = 'outage@example.org';
    const token = signTestToken(email, 'customer');
    const client = await connectRecording(realtime.url, token);
    const placed: number[] = [];
    const place = async (count: number) => {
      for (let i = 0; i < count; i++) placed.push(await store.placeOrder(token));
    };

    await place(5);
    await redis.kill();
    await place(5); // the services still answer 200; the nudge is lost, the poll delivers
    await waitUntil(
      () => client.events.length === 10,
      3000,
      () => JSON.stringify(client.events),
    );
    const whileDown = await httpClient(realtime.url).get('/health/ready');
    expect(whileDown.status).toBe(503);
    expect(whileDown.body.checks.redis).toBe('down');

    await redis.restart();
    await place(5);
    await client.waitFor((events) => events.length === 15);
    expect(client.events.map((e) => e.orderId)).toEqual(placed);
    const ids = client.events.map((e) => e.eventId);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    await expect
      .poll(async () => (await httpClient(realtime.url).get('/health/ready')).status, { timeout: 5000 })
      .toBe(200);
    client.close();
  });
});
