import { loadConfig } from '@shopwire/config';
import { createTestDatabase, testEnv } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfigSchema } from '../auth.config.js';
import { prepareAuthDatabase } from '../prepare-auth-database.js';
import { RateEventsPurger } from './rate-events-purger.js';
import { RateEventsRepository } from './rate-events.repository.js';

describe('rate events store and purge (auth database)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let store: RateEventsRepository;

  beforeAll(async () => {
    db = await createTestDatabase('auth_rate_events');
    const config = loadConfig(authConfigSchema, testEnv({ AUTH_DATABASE_URL: db.url }));
    dataSource = await prepareAuthDatabase(config);
    store = new RateEventsRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const insertAged = (secondsAgo: number, ip: string, email: string | null = null) =>
    dataSource.query(
      `INSERT INTO auth_rate_events (kind, client_ip, email_normalised, occurred_at)
       VALUES ('login_failure', ?, ?, NOW(3) - INTERVAL ? SECOND)`,
      [ip, email, secondsAgo],
    );

  it('counts only events inside the window, per pair and per client, with the time left', async () => {
    await insertAged(1000, '10.2.0.1', 'a@example.org');
    await insertAged(100, '10.2.0.1', 'a@example.org');
    await insertAged(50, '10.2.0.1', 'b@example.org');
    await insertAged(10, '10.2.0.2', 'a@example.org');
    const counts = await store.loginFailures('10.2.0.1', 'a@example.org', 900);
    expect(counts.pair.count).toBe(1);
    expect(counts.client.count).toBe(2);
    expect(counts.pair.secondsUntilOldestExpires).toBeCloseTo(800, -1);
    expect(counts.client.secondsUntilOldestExpires).toBeCloseTo(800, -1);
  });

  it('purges events older than the longest window and keeps the rest', async () => {
    await insertAged(2 * 3600, '10.2.1.1');
    await insertAged(3500, '10.2.1.1');
    const purger = new RateEventsPurger(store, { LOGIN_FAILURE_WINDOW_SECONDS: 900 });
    expect(purger.retentionSeconds).toBe(3600);
    await purger.purge();
    const rows = await dataSource.query(`SELECT COUNT(*) AS n FROM auth_rate_events WHERE client_ip = '10.2.1.1'`);
    expect(Number(rows[0].n)).toBe(1);
  });
});
