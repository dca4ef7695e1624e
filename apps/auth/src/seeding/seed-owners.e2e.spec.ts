import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@shopwire/config';
import { createTestDatabase, testEnv } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authConfigSchema } from '../auth.config.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { prepareAuthDatabase } from '../prepare-auth-database.js';
import { OwnersFileError } from './owners-file.js';

const extraOwner = { forename: 'Donald', surname: 'Duck', email: 'Donald@Duckburg.org', password: 'quackquack' };

describe('owner seeding at start (contract §1.4)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let directory: string;
  let ownersFile: string;
  const config = (env: Record<string, string> = {}) =>
    loadConfig(authConfigSchema, testEnv({ AUTH_DATABASE_URL: db.url, ...env }));

  async function prepareAndRead(env: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
    const dataSource: DataSource = await prepareAuthDatabase(config(env));
    try {
      return await dataSource.query('SELECT email, forename, surname, role, password_hash FROM accounts ORDER BY id');
    } finally {
      await dataSource.destroy();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('auth_seeding');
    directory = await mkdtemp(join(tmpdir(), 'auth-owners-'));
    ownersFile = join(directory, 'owners.json');
    await writeFile(ownersFile, JSON.stringify([extraOwner]));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  it('creates exactly the default owner on a fresh database, with an Argon2id hash of its password', async () => {
    const rows = await prepareAndRead();
    expect(rows).toEqual([
      expect.objectContaining({ email: 'onlymoney@gmail.com', forename: 'Scrooge', surname: 'McDuck', role: 'owner' }),
    ]);
    expect(await new PasswordHasher().verify(rows[0]!.password_hash as string, 'evenmoremoney')).toBe(true);
  });

  it('adds the owners of OWNERS_FILE and, on every restart, neither duplicates nor resets anyone', async () => {
    const first = await prepareAndRead({ OWNERS_FILE: ownersFile });
    expect(first.map((row) => [row.email, row.role])).toEqual([
      ['onlymoney@gmail.com', 'owner'],
      ['Donald@Duckburg.org', 'owner'],
    ]);

    // A changed file must not overwrite an existing account's password.
    await writeFile(
      ownersFile,
      JSON.stringify([{ ...extraOwner, email: 'donald@duckburg.org', password: 'changed-pass' }]),
    );
    const again = await prepareAndRead({ OWNERS_FILE: ownersFile });
    expect(again).toEqual(first);
  });

  it('is race-safe when replicas start together', async () => {
    const sources = await Promise.all([1, 2, 3].map(() => prepareAuthDatabase(config({ OWNERS_FILE: ownersFile }))));
    const [{ count }] = await sources[0]!.query('SELECT COUNT(*) AS count FROM accounts');
    await Promise.all(sources.map((source) => source.destroy()));
    expect(Number(count)).toBe(2);
  });

  it('refuses to start with an unreadable or invalid owners file', async () => {
    await expect(prepareAuthDatabase(config({ OWNERS_FILE: join(directory, 'missing.json') }))).rejects.toThrow(
      OwnersFileError,
    );
    await writeFile(ownersFile, JSON.stringify([{ ...extraOwner, email: 'not-an-email' }]));
    await expect(prepareAuthDatabase(config({ OWNERS_FILE: ownersFile }))).rejects.toThrow(
      /owner number 0: Invalid email\./,
    );
  });
});
