import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { loadConfig } from '@shopwire/config';
import { createTestDatabase, freePort, testEnv, waitFor } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreFixtures } from '@shopwire/test-support';
import { startWorker, type RunningWorker } from '../create-worker-app.js';
import { workerConfigSchema } from '../worker.config.js';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

/** A redis-server of this test's own, without persistence: after a restart it is EMPTY. */
class EphemeralRedis {
  private process?: ChildProcess;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', ''], {
      stdio: 'ignore',
    });
    await waitFor(`redis-server on ${this.port}`, () => accepts(this.port), 10_000);
  }

  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGKILL')));
  }
}

// Regression (found by chaos/redis-restart.mjs): the catch-up Job Scheduler lives in Redis. When
// Redis comes back empty, the worker must re-arm it and catch up by itself — events committed
// during the outage got no nudge, and none may come if the store is quiet afterwards.
describe('statistics worker when Redis comes back empty', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let redis: EphemeralRedis;
  let worker: RunningWorker;
  let store: StoreFixtures;
  let productId: number;

  beforeAll(async () => {
    db = await createTestDatabase('stats_redis_empty');
    redis = new EphemeralRedis(await freePort());
    await redis.start();
    const env = testEnv({
      STORE_DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      WORKER_PORT: '0',
      STATS_CATCH_UP_EVERY_MS: '500',
    });
    worker = await startWorker(loadConfig(workerConfigSchema, env));
    // The services publish on the shared Redis, not the worker's: these orders never reach its
    // channel, only the worker's own catch-up finds them.
    store = StoreFixtures.open(db.url, 'redis://127.0.0.1:6379');
    [productId] = await store.importProducts([{ name: 'Apple', price: 1, categories: ['Fruit'] }]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await redis?.kill();
    await store?.close();
    await db?.drop();
  });

  it('applies the events of the outage without any new nudge', async () => {
    await store.placeOrder('ana@example.org', [{ productId, quantity: 1 }]);
    await waitFor('the first event to be applied', async () => (await store.unappliedEvents()) === 0);

    await redis.kill();
    for (let n = 0; n < 3; n++) await store.placeOrder('ana@example.org', [{ productId, quantity: 2 }]);
    await redis.start();

    await waitFor('the outage events to be applied', async () => (await store.unappliedEvents()) === 0, 20_000);
    const [row] = await store.pool.query('SELECT waiting FROM product_sales WHERE product_id = ?', [productId]);
    expect(Number((row as Array<{ waiting: number }>)[0].waiting)).toBe(7);
  }, 60_000);
});
