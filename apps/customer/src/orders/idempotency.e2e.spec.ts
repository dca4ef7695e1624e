import { Messages } from '@shopwire/contracts';
import { countOrderRows, seedProducts } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerToken, startOrderApps, type OrderTestHarness } from '@shopwire/test-support';

describe('POST /order with Idempotency-Key (contract §8)', () => {
  let h: OrderTestHarness;
  let milk: number;
  const ana = customerToken('ana@example.org');

  beforeAll(async () => {
    h = await startOrderApps('idempotency');
    [milk] = await seedProducts(h.dataSource, [{ name: 'Milk', price: 2 }]);
  });
  afterAll(() => h?.close());

  const order = (body: unknown, key?: string, token = ana) =>
    h.customer.post('/order', body, { token, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const one = (quantity = 1) => ({ requests: [{ id: milk, quantity }] });

  it.each([
    ['empty', ''],
    ['256 characters', 'k'.repeat(256)],
    ['non-ASCII', 'clé'],
  ])('refuses a %s key before looking at the body', async (_label, key) => {
    const response = await order({}, key);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: Messages.idempotencyKeyInvalid });
  });

  it('replays the first response to a repeat with the same body and creates nothing more', async () => {
    const first = await order(one(3), 'replay-1');
    expect(first.status).toBe(200);
    const before = await countOrderRows(h.dataSource);
    const again = await order(JSON.parse(`{ "requests" : [ { "quantity": 3, "id": ${milk} } ] }`), 'replay-1');
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await countOrderRows(h.dataSource)).toEqual(before);
  });

  it('answers 422 when the key comes back with a different body', async () => {
    expect((await order(one(1), 'reuse-1')).status).toBe(200);
    const before = await countOrderRows(h.dataSource);
    const response = await order(one(2), 'reuse-1');
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ message: Messages.idempotencyKeyReused });
    expect(await countOrderRows(h.dataSource)).toEqual(before);
  });

  it('replays a 400 as well, without re-checking', async () => {
    const body = { requests: [{ id: milk + 1, quantity: 1 }] };
    const first = await order(body, 'bad-1');
    expect(first.body).toEqual({ message: Messages.invalidProduct(0) });
    // The product now exists, yet the same key and body get the stored answer.
    expect(await seedProducts(h.dataSource, [{ name: 'Bread', price: 3 }])).toEqual([milk + 1]);
    const again = await order(body, 'bad-1');
    expect(again.status).toBe(400);
    expect(again.body).toEqual(first.body);
    expect((await order({}, 'bad-2')).body).toEqual({ message: Messages.fieldMissing('requests') });
    expect((await order({}, 'bad-2')).body).toEqual({ message: Messages.fieldMissing('requests') });
  });

  it('scopes keys to the customer', async () => {
    const ana1 = await order(one(), 'shared-key');
    const ben1 = await order(one(), 'shared-key', customerToken('ben@example.org'));
    expect(ben1.status).toBe(200);
    expect(ben1.body.id).not.toBe(ana1.body.id);
    // ...with emails compared case-insensitively.
    expect((await order(one(), 'shared-key', customerToken('ANA@example.org'))).text).toBe(ana1.text);
  });

  it('creates one order from simultaneous identical requests', async () => {
    const before = await countOrderRows(h.dataSource);
    const responses = await Promise.all(Array.from({ length: 5 }, () => order(one(7), 'race-1')));
    expect((await countOrderRows(h.dataSource)).orders).toBe(before.orders + 1);
    const ok = responses.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    for (const r of responses.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body).toEqual({ message: Messages.idempotencyKeyInFlight });
    }
    const replay = await order(one(7), 'race-1');
    expect(replay.text).toBe(ok[0].text);
  });

  it('answers 409 while a claim is in flight and takes over one that has expired', async () => {
    const claim = (key: string, ageSeconds: number) =>
      h.dataSource.query(
        `INSERT INTO idempotency_keys (customer_email, idem_key, request_hash, state, owner_token, created_at)
         VALUES ('ana@example.org', ?, UNHEX(SHA2(?, 256)), 'IN_FLIGHT', RANDOM_BYTES(16), UTC_TIMESTAMP(3) - INTERVAL ? SECOND)`,
        [key, JSON.stringify(one()), ageSeconds],
      );
    await claim('busy-1', 0);
    const busy = await order(one(), 'busy-1');
    expect(busy.status).toBe(409);
    expect(busy.body).toEqual({ message: Messages.idempotencyKeyInFlight });

    await claim('crashed-1', 120);
    const before = await countOrderRows(h.dataSource);
    const taken = await order(one(), 'crashed-1');
    expect(taken.status).toBe(200);
    expect((await countOrderRows(h.dataSource)).orders).toBe(before.orders + 1);
    expect((await order(one(), 'crashed-1')).text).toBe(taken.text);
  });

  it('stores the success together with the order', async () => {
    const response = await order(one(), 'stored-1');
    const [row] = await h.dataSource.query(
      `SELECT state, response_status, response_body FROM idempotency_keys WHERE idem_key = 'stored-1'`,
    );
    expect(row).toEqual({ state: 'DONE', response_status: 200, response_body: response.text });
  });

  it('without the header, identical requests are separate orders (core contract)', async () => {
    const a = await order(one());
    const b = await order(one());
    expect(b.body.id).toBeGreaterThan(a.body.id);
  });
});
