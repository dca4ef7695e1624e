import { INNODB_LOCK_VIEWS_POLL_MS, signTestToken, waitFor, type HttpClient } from '@shopwire/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const owner = signTestToken('onlymoney@gmail.com', 'owner');

function csvForm(content: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([content]), 'products.csv');
  return form;
}

describe('POST /update under concurrency (atomicity of contract §3.1)', () => {
  let stack: StoreStack;
  let clients: HttpClient[];
  let store: DataSource;

  const productNames = async (): Promise<Set<string>> =>
    new Set((await store.query('SELECT name FROM products')).map((row: { name: string }) => row.name));

  beforeAll(async () => {
    // Two replicas of the owner service on one database, as in a scaled deployment.
    stack = await startStoreStack({ label: 'owner_update_race', owner: 2 });
    clients = stack.owners;
    store = stack.dataSource;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lets exactly one of two overlapping imports win, whole; the other leaves nothing', async () => {
    for (let round = 0; round < 4; round++) {
      const file = (prefix: string, sharedAt: number) => {
        const names = Array.from({ length: 300 }, (_, i) => `${prefix} ${round} ${i}`);
        names.splice(sharedAt, 0, `Shared ${round}`);
        return { names, content: names.map((name) => `Race ${prefix},${name},1.5`).join('\n') };
      };
      const [a, b] = [file('A', 10 * round), file('B', 290 - 10 * round)];
      const before = await productNames();
      const responses = await Promise.all([
        clients[0].postForm('/update', csvForm(a.content), { token: owner }),
        clients[1].postForm('/update', csvForm(b.content), { token: owner }),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
      const loser = responses.find((response) => response.status === 400)!;
      expect(loser.body).toEqual({ message: `Product Shared ${round} already exists.` });
      const winner = responses[0].status === 200 ? a : b;
      const after = await productNames();
      expect(after.size - before.size).toBe(winner.names.length);
      for (const name of winner.names) expect(after.has(name)).toBe(true);
    }
  });

  it('rolls back and names the line when a name is taken between the check and the insert', async () => {
    // A transaction outside the import path inserts the name but does not commit yet: the import's
    // check cannot see it, its insert then waits on the unique key and fails once this commits.
    const intruder = store.createQueryRunner();
    await intruder.connect();
    try {
      await intruder.startTransaction();
      await intruder.query(`INSERT INTO products (name, price) VALUES ('Contended', 1)`);
      const [{ trx_id: intruderTrx }] = await intruder.query(
        'SELECT trx_id FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = CONNECTION_ID()',
      );
      const pending = clients[0].postForm('/update', csvForm('C,Before,1\nC,Contended,2\nC,After,3'), { token: owner });
      await waitFor(
        "the import to wait on the intruder's row lock",
        async () => {
          const [row] = await store.query(
            'SELECT COUNT(*) AS waiting FROM information_schema.INNODB_LOCK_WAITS WHERE blocking_trx_id = ?',
            [intruderTrx],
          );
          return Number(row.waiting) > 0;
        },
        5000,
        INNODB_LOCK_VIEWS_POLL_MS,
      );
      await intruder.commitTransaction();
      const response = await pending;
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: 'Product Contended already exists.' });
    } finally {
      if (intruder.isTransactionActive) await intruder.rollbackTransaction();
      await intruder.release();
    }
    const names = await productNames();
    expect(names.has('Before')).toBe(false);
    expect(names.has('After')).toBe(false);
    const [orphans] = await store.query(
      `SELECT COUNT(*) AS n FROM categories c WHERE NOT EXISTS
         (SELECT 1 FROM product_categories pc WHERE pc.category_id = c.id)`,
    );
    expect(Number(orphans.n)).toBe(0);
  });
});
