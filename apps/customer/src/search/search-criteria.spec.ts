import { describe, expect, it } from 'vitest';
import { searchCacheKey, searchCriteria } from './search-criteria.js';

describe('searchCriteria (contract §4.1 parameters)', () => {
  it.each([
    [undefined, { name: '', category: '' }],
    [{}, { name: '', category: '' }],
    [{ name: 'e' }, { name: 'e', category: '' }],
    [{ category: 'Dai' }, { name: '', category: 'Dai' }],
    [
      { name: ['first', 'second'], category: ['a,b', 'c'] },
      { name: 'first', category: 'a,b' },
    ],
    [{ name: '%_*\\' }, { name: '%_*\\', category: '' }],
    [{ name: '' }, { name: '', category: '' }],
  ])('%j → %j', (query, criteria) => {
    expect(searchCriteria(query)).toEqual(criteria);
  });

  it('gives distinct criteria distinct cache keys, even when their texts concatenate alike', () => {
    const keys = [
      { name: 'ab', category: 'c' },
      { name: 'a', category: 'bc' },
      { name: 'abc', category: '' },
      { name: '', category: 'abc' },
    ].map(searchCacheKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
