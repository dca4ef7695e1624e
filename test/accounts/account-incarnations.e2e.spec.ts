import { createTestDatabase, testIncarnation } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountIncarnationsRepository, openStoreDatabase } from '@shopwire/store-data';

describe('AccountIncarnationsRepository (ADR 0017) on a real store database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let endpoints = 0;

  async function device(email: string, incarnation: string, createdAt = new Date()): Promise<string> {
    const endpoint = `https://127.0.0.1/push/${++endpoints}`;
    await dataSource.query(
      `INSERT INTO push_subscriptions (account_email, account_incarnation, role, endpoint, p256dh, auth, notify,
         new_orders_seen, created_at, updated_at) VALUES (?, ?, 'customer', ?, 'k', 'a', 1, 0, ?, ?)`,
      [email, incarnation, endpoint, createdAt, createdAt],
    );
    return endpoint;
  }
  async function idempotencyKey(email: string, incarnation: string, key: string, createdAt = new Date()) {
    await dataSource.query(
      `INSERT INTO idempotency_keys (customer_email, customer_incarnation, idem_key, request_hash, state, owner_token,
         created_at) VALUES (?, ?, ?, ?, 'DONE', ?, ?)`,
      [email, incarnation, key, Buffer.alloc(32), Buffer.alloc(16), createdAt],
    );
  }
  const devices = async (email: string) =>
    (
      (await dataSource.query(
        'SELECT endpoint, account_incarnation FROM push_subscriptions WHERE account_email = ? ORDER BY id',
        [email],
      )) as Array<{ endpoint: string; account_incarnation: string }>
    ).map((row) => [row.endpoint, row.account_incarnation]);
  const keys = async (email: string) =>
    (
      (await dataSource.query(
        'SELECT customer_incarnation, idem_key FROM idempotency_keys WHERE customer_email = ? ORDER BY idem_key',
        [email],
      )) as Array<{ customer_incarnation: string; idem_key: string }>
    ).map((row) => [row.customer_incarnation, row.idem_key]);

  beforeAll(async () => {
    db = await createTestDatabase('store_incarnations');
    dataSource = await openStoreDatabase(db.url, 4);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('drops an older incarnation’s devices and keys once a newer one is shown, and never the other way', async () => {
    const email = 'ana@example.org';
    const first = testIncarnation(Date.now() - 60_000);
    const second = testIncarnation(Date.now() - 1_000, 'fedcba9876543210');
    const other = await device('bea@example.org', first);
    const old = await device(email, first);
    await idempotencyKey(email, first, 'k1');
    await idempotencyKey('bea@example.org', first, 'k1');

    const store = new AccountIncarnationsRepository(dataSource);
    await store.observe('Ana@Example.org', first);
    expect(await devices(email)).toEqual([[old, first]]);

    await store.observe(email, second);
    expect(await store.newest(email)).toBe(second);
    expect(await devices(email)).toEqual([]);
    expect(await keys(email)).toEqual([]);
    // Another email is untouched.
    expect(await devices('bea@example.org')).toEqual([[other, first]]);
    expect(await keys('bea@example.org')).toEqual([[first, 'k1']]);

    // A still-valid token of the deleted account, seen later (here by another replica): no effect.
    const lateDevice = await device(email, first);
    await new AccountIncarnationsRepository(dataSource).observe(email, first);
    expect(await store.newest(email)).toBe(second);
    expect(await devices(email)).toEqual([[lateDevice, first]]);
  });

  it('tells rows written without an incarnation apart by the registration time: adopted after, dropped before', async () => {
    const email = 'cy@example.org';
    const registeredAt = Date.now() - 10_000;
    const predecessors = await device(email, '', new Date(registeredAt - 5_000));
    const own = await device(email, '', new Date(registeredAt + 2_000));
    await idempotencyKey(email, '', 'before', new Date(registeredAt - 5_000));
    await idempotencyKey(email, '', 'after', new Date(registeredAt + 2_000));
    const incarnation = testIncarnation(registeredAt);

    await new AccountIncarnationsRepository(dataSource).observe(email, incarnation);
    expect(await devices(email)).toEqual([[own, incarnation]]);
    expect(await devices(email)).not.toContainEqual([predecessors, expect.anything()]);
    expect(await keys(email)).toEqual([['', 'after']]);
  });

  it('ignores tokens without an incarnation or with a malformed one', async () => {
    const store = new AccountIncarnationsRepository(dataSource);
    await store.observe('dee@example.org', '');
    await store.observe('dee@example.org', 'not-an-incarnation');
    expect(await store.newest('dee@example.org')).toBe('');
  });

  it('agrees on the newest when replicas record two incarnations at once', async () => {
    const email = 'eve@example.org';
    const older = testIncarnation(Date.now() - 5_000);
    const newer = testIncarnation(Date.now() - 4_000);
    await device(email, older);
    const replicas = Array.from({ length: 6 }, () => new AccountIncarnationsRepository(dataSource));
    await Promise.all(replicas.map((replica, i) => replica.observe(email, i % 2 === 0 ? older : newer)));
    expect(await replicas[0]!.newest(email)).toBe(newer);
    expect(await devices(email)).toEqual([]);
  });
});
