import { Messages } from '@shopwire/contracts';
import { PlaceOrder } from '@shopwire/ordering';
import { parseMysqlUrl } from '@shopwire/database';
import { countOrderRows, seedProducts, waitFor } from '@shopwire/testing';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

/** One Prometheus sample of the customer app's /metrics (0 when absent). */
function sample(metrics: string, name: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('POST /order group commit (ADR 0026)', () => {
  let h: OrderTestHarness;
  let milk: number;
  let bread: number;
  const ana = customerToken('ana@example.org');

  beforeAll(async () => {
    h = await startOrderApps('group-commit');
    [milk, bread] = await seedProducts(h.dataSource, [
      { name: 'Milk', price: 0.1 },
      { name: 'Bread', price: 0.2 },
    ]);
  });
  afterAll(() => h?.close());

  const placeOrder = () => h.apps.customer[0].app.get(PlaceOrder);
  const metrics = async () => (await h.customer.get('/metrics')).text;

  it('writes concurrent orders in shared transactions, each with its own id and exact total', async () => {
    const before = await metrics();
    const quantities = Array.from({ length: 40 }, (_, n) => n + 1);
    const answers = await Promise.all(
      quantities.map((q) =>
        h.customer.post(
          '/order',
          {
            requests: [
              { id: milk, quantity: q },
              { id: bread, quantity: 3 },
            ],
          },
          { token: ana },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(quantities.map(() => 200));
    const ids = answers.map((a) => (a.body as { id: number }).id);
    expect(new Set(ids).size).toBe(40);
    const rows: Array<{ id: number; total: number; events: number | string }> = await h.dataSource.query(
      `SELECT o.id, o.total, (SELECT COUNT(*) FROM order_events e WHERE e.order_id = o.id AND e.status = 'CREATED') AS events
         FROM orders o WHERE o.id IN (?)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    quantities.forEach((q, n) => {
      const row = byId.get(ids[n])!;
      // Exact in decimal: q × 0.1 + 3 × 0.2 computed in cents, never a float sum.
      expect(Number(row.total)).toBe((q * 10 + 60) / 100);
      expect(Number(row.events)).toBe(1);
    });
    // Event ids stay dense across shared transactions: a hole would hold the realtime tail for its
    // grace period (ADR 0003), and a bulk INSERT … SELECT of n rows leaves holes.
    const [span]: Array<{ low: number; high: number; events: number | string }> = await h.dataSource.query(
      'SELECT MIN(id) AS low, MAX(id) AS high, COUNT(*) AS events FROM order_events WHERE order_id IN (?)',
      [ids],
    );
    expect(Number(span.high) - Number(span.low) + 1).toBe(Number(span.events));
    const after = await metrics();
    const batches = sample(after, 'order_group_commit_size_count') - sample(before, 'order_group_commit_size_count');
    const orders = sample(after, 'order_group_commit_size_sum') - sample(before, 'order_group_commit_size_sum');
    expect(orders).toBe(40);
    expect(batches).toBeLessThan(40); // some orders shared a transaction
    expect(sample(after, 'order_group_commit_wait_seconds_count')).toBeGreaterThanOrEqual(40);
    expect(after).toMatch(/order_group_commit_wait_seconds_bucket\{le="0.002"\} \d+/);
  });

  it('gives each order of a shared transaction one event, of its own customer', async () => {
    const customers = ['Cy@Example.org', 'dee@example.org', 'eve@example.org'];
    const before = await metrics();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        h.customer.post(
          '/order',
          { requests: [{ id: milk, quantity: n + 1 }] },
          { token: customerToken(customers[n % 3]) },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const ids = answers.map((a) => (a.body as { id: number }).id);
    // The events are written from what the batch knew (no read of the new orders): they must say
    // exactly what the order rows say, byte for byte. (A batch's events follow its orders' ids, but
    // a batch the window started while another was in flight may commit first.)
    const rows: Array<{ orderId: number; eventCustomer: string; orderCustomer: string; courier: string | null }> =
      await h.dataSource.query(
        `SELECT e.order_id AS orderId, e.customer_email AS eventCustomer, o.customer_email AS orderCustomer,
                e.courier_email AS courier
           FROM order_events e JOIN orders o ON o.id = e.order_id
          WHERE e.order_id IN (?) AND e.status = 'CREATED' ORDER BY e.id`,
        [ids],
      );
    expect(rows).toHaveLength(30);
    for (const row of rows) {
      expect(row.eventCustomer).toBe(row.orderCustomer);
      expect(row.courier).toBeNull();
    }
    expect(rows.map((row) => row.orderId).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(rows.map((row) => row.orderCustomer)).toEqual(rows.map((row) => customers[ids.indexOf(row.orderId) % 3]));
    const batches =
      sample(await metrics(), 'order_group_commit_size_count') - sample(before, 'order_group_commit_size_count');
    expect(batches).toBeLessThan(30); // some orders shared a transaction
  });

  it('fails only the order whose product vanished inside its batch; the others exist with exact totals', async () => {
    const [doomed] = await seedProducts(h.dataSource, [{ name: 'Doomed', price: 5 }]);
    // The doomed product's price is now known to the app (ADR 0014) …
    expect((await h.customer.post('/order', { requests: [{ id: doomed, quantity: 1 }] }, { token: ana })).status).toBe(
      200,
    );
    // … and the product leaves the store behind the app's back, as a restore to an earlier point does.
    for (const table of ['order_items', 'product_categories', 'product_sales', 'product_price_sales']) {
      await h.dataSource.query(`DELETE FROM ${table} WHERE product_id = ?`, [doomed]);
    }
    await h.dataSource.query('DELETE FROM products WHERE id = ?', [doomed]);
    const fallbacksBefore = sample(await metrics(), 'order_group_commit_fallbacks_total');
    const before = await countOrderRows(h.dataSource);

    // In one tick, in process: the first order starts a batch alone, the other 19 queue behind it
    // and go together in the next one, the doomed order among them.
    const bodies = Array.from({ length: 20 }, (_, n) => ({
      requests: [{ id: n === 7 ? doomed : milk, quantity: n + 1 }],
    }));
    const answers = await Promise.allSettled(
      bodies.map((body) => placeOrder().place('ana@example.org', '', body, undefined)),
    );

    expect(answers[7].status).toBe('rejected');
    expect(((answers[7] as PromiseRejectedResult).reason as Error).message).toBe(Messages.invalidProduct(0));
    const good = answers.filter((_, n) => n !== 7);
    expect(good.map((a) => a.status)).toEqual(good.map(() => 'fulfilled'));
    const ids = good.map((a) => (a as PromiseFulfilledResult<{ id: number }>).value.id);
    const rows: Array<{ id: number; total: number }> = await h.dataSource.query(
      'SELECT id, total FROM orders WHERE id IN (?)',
      [ids],
    );
    const totals = new Map(rows.map((row) => [row.id, Number(row.total)]));
    answers.forEach((answer, n) => {
      if (n !== 7) expect(totals.get((answer as PromiseFulfilledResult<{ id: number }>).value.id)).toBe((n + 1) / 10);
    });
    expect(await countOrderRows(h.dataSource)).toEqual({
      ...before,
      orders: before.orders + 19,
      items: before.items + 19,
      events: before.events + 19,
    });
    expect(sample(await metrics(), 'order_group_commit_fallbacks_total')).toBeGreaterThan(fallbacksBefore);
  });

  it('writes one order for a double submit with the same Idempotency-Key in the same batch', async () => {
    const bea = 'bea@example.org';
    const body = { requests: [{ id: bread, quantity: 2 }] };
    // Filler orders keep a batch in flight, so the two submits queue into the next one together.
    const filler = Array.from({ length: 10 }, () => placeOrder().place('filler@example.org', '', body, undefined));
    const twins = [placeOrder().place(bea, '', body, 'twin-1'), placeOrder().place(bea, '', body, 'twin-1')];
    const settled = await Promise.allSettled([...twins, ...filler]);
    const [first, second] = settled;
    const won = [first, second].filter((s) => s.status === 'fulfilled');
    expect(won.length).toBeGreaterThanOrEqual(1);
    // The loser is the in-flight 409 of contract §8, or the replay of the winner's answer.
    for (const s of [first, second]) {
      if (s.status === 'rejected') expect((s.reason as Error).message).toBe(Messages.idempotencyKeyInFlight);
      else expect(s.value).toEqual((won[0] as PromiseFulfilledResult<{ id: number }>).value);
    }
    const [row] = await h.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE customer_email = ?', [bea]);
    expect(Number(row.n)).toBe(1);
  });

  it('starts a lone order at once, and a queued one within the window even while a batch is stuck', async () => {
    const body = { requests: [{ id: milk, quantity: 1 }] };
    const instant = async () => sample(await metrics(), 'order_group_commit_wait_seconds_bucket{le="0.0001"}');
    const beforeLone = await instant();
    await placeOrder().place('lone@example.org', '', body, undefined);
    expect(await instant()).toBe(beforeLone + 1);

    // Another session holds the orders table: the first batch blocks inside its transaction.
    const { host, port, user, password, database } = parseMysqlUrl(h.db.url);
    const locker = await mysql.createConnection({ host, port, user, password, database });
    try {
      await locker.query('LOCK TABLES orders WRITE');
      const batches = async () => sample(await metrics(), 'order_group_commit_size_count');
      const before = await batches();
      const stuck = placeOrder().place('stuck@example.org', '', body, undefined);
      await waitFor('the stuck batch', async () => (await batches()) === before + 1);
      const queued = placeOrder().place('queued@example.org', '', body, undefined);
      // The queued order does not wait for the stuck batch to commit: its own batch starts after
      // the window (2 ms), while the table is still locked.
      await waitFor('the queued batch', async () => (await batches()) === before + 2, 5_000);
      await locker.query('UNLOCK TABLES');
      // Both then commit, each with its own order (which one takes the table first is the server's choice).
      const ids = [(await stuck).id, (await queued).id];
      expect(new Set(ids).size).toBe(2);
    } finally {
      await locker.end();
    }
  });

  it('fails only the order whose Idempotency-Key claim was lost, and writes nothing of it', async () => {
    const body = { requests: [{ id: milk, quantity: 1 }] };
    const { host, port, user, password, database } = parseMysqlUrl(h.db.url);
    const locker = await mysql.createConnection({ host, port, user, password, database });
    const before = await countOrderRows(h.dataSource);
    try {
      // The orders table is held: the batches wait inside their statement, before the replies.
      await locker.query('LOCK TABLES orders WRITE');
      const first = placeOrder().place('first@example.org', '', body, undefined);
      const lost = placeOrder().place('lost@example.org', '', body, 'lost-1');
      const others = ['kept-1', 'kept-2'].map((key) => placeOrder().place('kept@example.org', '', body, key));
      const claimed = async () =>
        Number((await h.dataSource.query(`SELECT COUNT(*) AS n FROM idempotency_keys WHERE idem_key = 'lost-1'`))[0].n);
      await waitFor('the claim', async () => (await claimed()) === 1);
      // Another process takes the claim over (as after the in-flight timeout) while the order waits.
      await h.dataSource.query(`UPDATE idempotency_keys SET owner_token = RANDOM_BYTES(16) WHERE idem_key = 'lost-1'`);
      await locker.query('UNLOCK TABLES');

      await expect(lost).rejects.toThrow(Messages.idempotencyKeyInFlight);
      const ids = [(await first).id, ...(await Promise.all(others)).map((placed) => placed.id)];
      expect(new Set(ids).size).toBe(3);
    } finally {
      await locker.end();
    }
    const [row] = await h.dataSource.query(
      `SELECT COUNT(*) AS n FROM orders WHERE customer_email = 'lost@example.org'`,
    );
    expect(Number(row.n)).toBe(0);
    expect(await countOrderRows(h.dataSource)).toEqual({
      ...before,
      orders: before.orders + 3,
      items: before.items + 3,
      events: before.events + 3,
    });
    const [claim] = await h.dataSource.query(`SELECT state FROM idempotency_keys WHERE idem_key = 'lost-1'`);
    expect(claim.state).toBe('IN_FLIGHT');
  });
});
