import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, httpClient, signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesOracle, StoreFixtures, startStoreStack, type StoreStack } from '@shopwire/test-support';

/** The worker runs as its own process, built: `npm run build` runs before the tests in CI. */
const WORKER_MAIN = fileURLToPath(new URL('../../../dist/apps/worker/src/main.js', import.meta.url));
const OWNER = signTestToken('onlymoney@gmail.com', 'owner');
const CUSTOMERS = ['ana@example.org', 'bea@example.org'];

describe('worker as a separate process: stop, crash, restart (ADR 0004)', () => {
  let stack: StoreStack;
  let api: HttpClient;
  let store: StoreFixtures;
  let env: Record<string, string>;
  let child: ChildProcess | undefined;
  let output = '';
  const oracle = new SalesOracle();
  let productIds: number[] = [];

  async function spawnWorker(
    extra: Record<string, string> = {},
  ): Promise<{ process: ChildProcess; health: HttpClient }> {
    const port = await freePort();
    const worker = spawn(process.execPath, [WORKER_MAIN], {
      env: { ...process.env, ...env, WORKER_PORT: String(port), ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk) => (output += chunk));
    worker.stderr?.on('data', (chunk) => (output += chunk));
    child = worker;
    const health = httpClient(`http://127.0.0.1:${port}`);
    await waitFor(
      `the worker to be ready (output: ${output})`,
      async () => {
        if (worker.exitCode !== null) throw new Error(`worker exited ${worker.exitCode}: ${output}`);
        return (await health.get('/health/ready').catch(() => ({ status: 0 }))).status === 200;
      },
      60_000,
    );
    return { process: worker, health };
  }

  async function stop(worker: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill(signal);
    const code = await exited;
    child = undefined;
    return code;
  }

  async function placeRandomOrders(count: number): Promise<void> {
    for (let n = 0; n < count; n++) {
      const customer = CUSTOMERS[n % CUSTOMERS.length];
      const items = [
        { productId: productIds[n % productIds.length], quantity: 1 + (n % 5) },
        { productId: productIds[(n * 7 + 3) % productIds.length], quantity: 2 },
      ].filter((item, i, all) => all.findIndex((other) => other.productId === item.productId) === i);
      oracle.addOrder(await store.placeOrder(customer, items), customer, items);
      const created = oracle.ordersIn('CREATED');
      if (n % 3 === 0) {
        const order = created[0];
        expect(await store.pickUp(order.id, 'dan@example.org')).toBe(true);
        oracle.setStatus(order.id, 'PENDING');
      }
      const pending = oracle.ordersIn('PENDING');
      if (n % 4 === 0 && pending.length > 0) {
        expect(await store.deliver(pending[0].id, pending[0].customer)).toBe(true);
        oracle.setStatus(pending[0].id, 'COMPLETE');
      }
    }
  }

  async function expectExactStatistics(): Promise<void> {
    expect((await api.get('/product_statistics', { token: OWNER })).body).toEqual({
      statistics: oracle.productStatistics(),
    });
    expect((await api.get('/category_statistics', { token: OWNER })).body).toEqual({
      statistics: oracle.categoryStatistics(),
    });
  }

  /** What the worker wrote, compared with the oracle: nothing missing, nothing applied twice. */
  async function expectAggregatesEqualOracle(): Promise<void> {
    const [rows] = await store.pool.query(
      'SELECT p.name, s.sold, s.waiting FROM product_sales s JOIN products p ON p.id = s.product_id ORDER BY p.id',
    );
    const applied = Object.fromEntries(
      (rows as Array<{ name: string; sold: number; waiting: number }>).map((r) => [
        r.name,
        { sold: Number(r.sold), waiting: Number(r.waiting) },
      ]),
    );
    const expected = Object.fromEntries(
      oracle.productStatistics().map((p) => [p.name, { sold: p.sold, waiting: p.waiting }]),
    );
    expect(applied).toEqual(expected);
  }

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN)) {
      throw new Error(`${WORKER_MAIN} is missing: this test runs the BUILT worker; run "npm run build" first.`);
    }
    stack = await startStoreStack({ label: 'worker_restart', owner: 1, env: { STATS_CATCH_UP_EVERY_MS: '1000' } });
    env = stack.env;
    api = stack.owner;
    store = StoreFixtures.open(stack.db.url, env.REDIS_URL);
    const specs = ['Apple', 'Pear', 'Milk', 'Bread', 'Cheese'].map((name, i) => ({
      name,
      price: 1 + i,
      categories: [['Fruit', 'Dairy', 'Bakery'][i % 3], 'All'],
    }));
    productIds = await store.importProducts(specs);
    productIds.forEach((id, i) => oracle.addProduct(id, specs[i].name, specs[i].categories));
  });
  afterAll(async () => {
    if (child) await stop(child, 'SIGKILL');
    await store?.close();
    await stack?.close();
  });

  it('keeps answers exact while stopped or crashed, converges on restart, applies nothing twice', async () => {
    // The worker is down: orders, pick-ups and deliveries pile up as unapplied events.
    await placeRandomOrders(150);
    const backlog = await store.unappliedEvents();
    expect(backlog).toBeGreaterThan(150);
    await expectExactStatistics();

    // Crash in the middle of the catch-up (small batches): some batches are applied, not all.
    const crashing = await spawnWorker({ STATS_BATCH_SIZE: '5' });
    await waitFor('some batches to be applied', async () => (await store.unappliedEvents()) < backlog);
    expect(await stop(crashing.process, 'SIGKILL')).toBeNull();
    expect(await store.unappliedEvents()).toBeGreaterThan(0);
    await expectExactStatistics();

    // Restart: the backlog converges, then new orders are applied as they come (nudges).
    const restarted = await spawnWorker();
    await waitFor('the restarted worker to converge', async () => (await store.unappliedEvents()) === 0);
    await expectExactStatistics();
    await placeRandomOrders(10);
    await waitFor('the new orders to be applied', async () => (await store.unappliedEvents()) === 0);
    await expectExactStatistics();
    await expectAggregatesEqualOracle();
    expect((await restarted.health.get('/metrics')).text).toMatch(/statistics_events_applied_total [1-9]\d*/);
    expect((await restarted.health.get('/health/live')).status).toBe(200);

    // SIGTERM: stop taking jobs, let active ones finish, exit cleanly.
    expect(await stop(restarted.process, 'SIGTERM')).toBe(0);
    // Two process boots (~3 s each on an idle machine, far more on a loaded CI box).
  }, 120_000);
});
