import { signTestToken, type HttpClient } from '@shopwire/testing';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';
import { splitLines } from './csv-line.js';

const owner = signTestToken('onlymoney@gmail.com', 'owner');

/** A few names recur across runs, so later files collide with earlier imports and with themselves. */
const name = fc.oneof(fc.constantFrom('Apple', 'Pear', 'apple', 'Milk "2"', 'a,b'), fc.string({ minLength: 1 }));
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
const validLine = fc
  .tuple(
    fc.array(fc.constantFrom('Fruit', 'Dairy', 'fruit', 'x|y', ''), { minLength: 1, maxLength: 3 }),
    name,
    fc.double(),
  )
  .filter(([categories]) => categories.some((category) => category !== ''))
  .map(
    ([categories, productName, price]) =>
      `${quoted(categories.join('|'))},${quoted(productName)},${Math.abs(price) + 0.01}`,
  );
const line = fc.oneof(
  { weight: 4, arbitrary: validLine },
  fc.constantFrom('', 'a,b', 'a,b,c,d', 'F,,1', '|,n,1', 'F,"n,1', 'F,n,0', 'F,n,-1', 'F,n,abc', 'F,n,1e999'),
  fc.string(),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const csvFile = fc.record({
  lines: fc.array(line, { maxLength: 8 }),
  eol: fc.constantFrom('\n', '\r\n'),
  trailing: fc.boolean(),
});

describe('POST /update property: never 5xx, and a refused file changes nothing', () => {
  let stack: StoreStack;
  let client: HttpClient;
  let store: DataSource;

  const counts = async () => {
    const [row] = await store.query(
      `SELECT (SELECT COUNT(*) FROM products) AS p, (SELECT COUNT(*) FROM categories) AS c,
              (SELECT COUNT(*) FROM product_categories) AS l`,
    );
    return [Number(row.p), Number(row.c), Number(row.l)];
  };

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_update_prop', owner: 1 });
    client = stack.owner;
    store = stack.dataSource;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('holds for generated files', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(csvFile, async ({ lines, eol, trailing }) => {
        const content = lines.join(eol) + (trailing && lines.length > 0 ? eol : '');
        const form = new FormData();
        form.append('file', new Blob([content]), 'generated.csv');
        const before = await counts();
        const response = await client.postForm('/update', form, { token: owner });
        const after = await counts();
        expect(response.status === 200 || response.status === 400).toBe(true);
        if (response.status === 400) {
          expect(Object.keys(response.body)).toEqual(['message']);
          expect(response.body.message).toMatch(
            /^(Incorrect number of values on line \d+\.|Incorrect price on line \d+\.|Product [\s\S]* already exists\.)$/,
          );
          expect(after).toEqual(before);
        } else {
          accepted++;
          // Generated values may hold line breaks themselves: count lines as the format does.
          expect(after[0] - before[0]).toBe(splitLines(content).length);
        }
      }),
      { numRuns: 100 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
