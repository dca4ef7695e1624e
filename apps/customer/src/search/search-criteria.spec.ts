import { BadRequestError, Messages } from '@shopwire/contracts';
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

  it.each([
    [
      { name: 'App', match: 'exact' },
      { name: 'App', category: '' },
    ],
    [
      { name: 'App', match: '' },
      { name: 'App', category: '' },
    ],
    [
      { name: 'App', category: 'FRU', match: 'insensitive' },
      { name: 'app', category: 'fru', match: 'insensitive' },
    ],
    [
      { name: 'Straße', match: ['insensitive', 'bogus'] },
      { name: 'strasse', category: '', match: 'insensitive' },
    ],
  ])('match: %j → %j', (query, criteria) => {
    expect(searchCriteria(query)).toEqual(criteria);
  });

  it.each([['Insensitive'], ['i'], ['fuzzy'], [' exact']])('refuses match=%s with the 400 message', (match) => {
    expect(() => searchCriteria({ name: 'a', match })).toThrow(new BadRequestError(Messages.invalidMatch));
  });

  it('keys an insensitive search apart from the exact one of the same (folded) text', () => {
    const exact = searchCacheKey(searchCriteria({ name: 'app' }));
    const insensitive = searchCacheKey(searchCriteria({ name: 'APP', match: 'insensitive' }));
    expect(insensitive).not.toBe(exact);
    expect(searchCacheKey(searchCriteria({ name: 'app', match: 'insensitive' }))).toBe(insensitive);
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
