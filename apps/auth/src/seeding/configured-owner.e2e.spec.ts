import { loadConfig } from '@shopwire/config';
import { createTestDatabase, httpClient, listenForTest, testEnv } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfigSchema } from '../auth.config.js';
import { createAuthApp } from '../create-auth-app.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { prepareAuthDatabase } from '../prepare-auth-database.js';
import { accessTokenFor, expectMessage, login } from '../testing-support/accounts.js';
import { OwnerSeedError } from './seed-configured-owner.js';

const BOSS = { OWNER_EMAIL: 'Boss@Shop.example', OWNER_PASSWORD: 'first-env-password' };
const PRODUCTION = { NODE_ENV: 'production' };

/** OWNER_* in production and the seeding policy of ADR 0017, on a real database and over HTTP. */
describe('the configured owner (OWNER_*, ADR 0017)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const hasher = new PasswordHasher();
  const config = (env: Record<string, string>) =>
    loadConfig(authConfigSchema, testEnv({ AUTH_DATABASE_URL: db.url, ...env }));

  async function withDatabase<T>(env: Record<string, string>, use: (source: DataSource) => Promise<T>): Promise<T> {
    const source = await prepareAuthDatabase(config(env));
    try {
      return await use(source);
    } finally {
      await source.destroy();
    }
  }
  const owners = (env: Record<string, string>) =>
    withDatabase(env, (source) =>
      source.query("SELECT email, password_hash, owner_seed_hash FROM accounts WHERE role = 'owner' ORDER BY id"),
    ) as Promise<Array<{ email: string; password_hash: string; owner_seed_hash: string | null }>>;

  beforeAll(async () => {
    db = await createTestDatabase('auth_configured_owner');
  });
  afterAll(() => db?.drop());

  it('in production signs in the configured owner and not the well-known one, over HTTP', async () => {
    // A database first started with the defaults (as before this change) holds the contract owner.
    expect((await owners({})).map((o) => o.email)).toEqual(['onlymoney@gmail.com']);
    const running = await listenForTest(await createAuthApp(config({ ...PRODUCTION, ...BOSS })));
    try {
      const client = httpClient(running.url);
      expect(await accessTokenFor(client, 'boss@shop.example', BOSS.OWNER_PASSWORD)).toEqual(expect.any(String));
      expectMessage(await login(client, 'onlymoney@gmail.com', 'evenmoremoney'), 400, 'Invalid credentials.');
    } finally {
      await running.close();
    }
    expect((await owners({ ...PRODUCTION, ...BOSS })).map((o) => o.email)).toEqual([BOSS.OWNER_EMAIL]);
  });

  it('re-applies the environment password only when it changed, so a changed password survives restarts', async () => {
    const [seeded] = await owners({ ...PRODUCTION, ...BOSS });
    // The owner changes the password (what /change_password writes).
    const changedHash = await hasher.hash('changed-by-the-owner');
    await withDatabase({ ...PRODUCTION, ...BOSS }, (source) =>
      source.query('UPDATE accounts SET password_hash = ? WHERE email = ?', [changedHash, BOSS.OWNER_EMAIL]),
    );
    const [afterRestart] = await owners({ ...PRODUCTION, ...BOSS });
    expect(afterRestart).toEqual({ ...seeded, password_hash: changedHash });

    // The operator sets a new password in the environment (e.g. to reset a forgotten one).
    const [reset] = await owners({ ...PRODUCTION, ...BOSS, OWNER_PASSWORD: 'second-env-password' });
    expect(await hasher.verify(reset!.password_hash, 'second-env-password')).toBe(true);
    expect(reset!.owner_seed_hash).toBe(reset!.password_hash);

    // An Argon2id hash in the environment is applied as it is, once.
    const hash = await hasher.hash('third-env-password');
    const env = { ...PRODUCTION, OWNER_EMAIL: BOSS.OWNER_EMAIL, OWNER_PASSWORD_HASH: hash };
    expect((await owners(env))[0]).toMatchObject({ password_hash: hash, owner_seed_hash: hash });
    expect(await owners(env)).toEqual(await owners(env));
  });

  it('seeds the well-known owner in production only with OWNER_ALLOW_WELL_KNOWN_PASSWORD=true', async () => {
    const allowed = {
      ...PRODUCTION,
      OWNER_EMAIL: 'onlymoney@gmail.com',
      OWNER_PASSWORD: 'evenmoremoney',
      OWNER_ALLOW_WELL_KNOWN_PASSWORD: 'true',
    };
    const rows = await owners(allowed);
    const contractOwner = rows.find((o) => o.email === 'onlymoney@gmail.com');
    expect(await hasher.verify(contractOwner!.password_hash, 'evenmoremoney')).toBe(true);
    // Without the flag the next production start (another owner configured) removes it again.
    expect((await owners({ ...PRODUCTION, ...BOSS })).map((o) => o.email)).toEqual([BOSS.OWNER_EMAIL]);
  });

  it('refuses to start with a hash of the well-known password, or an owner email held by a customer', async () => {
    const wellKnownHash = await hasher.hash('evenmoremoney');
    await expect(
      prepareAuthDatabase(config({ ...PRODUCTION, OWNER_EMAIL: 'x@shop.example', OWNER_PASSWORD_HASH: wellKnownHash })),
    ).rejects.toThrow(OwnerSeedError);
    await withDatabase({ ...PRODUCTION, ...BOSS }, (source) =>
      source.query(
        `INSERT INTO accounts (email, email_normalised, forename, surname, password_hash, role, incarnation)
         VALUES ('cust@shop.example', 'cust@shop.example', 'C', 'D', 'x', 'customer', '')`,
      ),
    );
    await expect(
      prepareAuthDatabase(config({ ...PRODUCTION, OWNER_EMAIL: 'CUST@shop.example', OWNER_PASSWORD: 'long-enough' })),
    ).rejects.toThrow(/OWNER_EMAIL belongs to an existing customer account/);
  });
});
