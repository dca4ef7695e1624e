import { describe, expect, it } from 'vitest';
import { sqlBatches } from './sql-batches.js';

describe('sqlBatches', () => {
  const size = (n: number) => n;

  it.each([
    [[], 2, 100, []],
    [[1, 1, 1, 1, 1], 2, 100, [[1, 1], [1, 1], [1]]],
    [[3, 3, 3], 10, 6, [[3, 3], [3]]],
    [[9, 1, 1], 10, 5, [[9], [1, 1]]],
    [[1, 9, 1], 10, 5, [[1], [9], [1]]],
  ])('%j (rows ≤ %i, size ≤ %i) → %j', (items, maxRows, maxText, expected) => {
    expect(sqlBatches(items, size, maxRows, maxText)).toEqual(expected);
  });
});
