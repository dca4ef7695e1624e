import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@shopwire/database';

const SERVER_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/**
 * A fresh database for one test file: `sw_test_<label>_<random>`, created on the local MariaDB.
 * Call `drop()` in afterAll; nothing depends on data from a previous run.
 */
export async function createTestDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const safeLabel = label.replace(/[^A-Za-z0-9]/g, '_').slice(0, 24);
  const url = `${SERVER_URL.replace(/\/$/, '')}/sw_test_${safeLabel}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
