import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache.js';

const criteria = (name: string, category = '') => ({ name, category });
const bytes = (text: string) => Buffer.from(text);

describe('ResponseCache', () => {
  it('keeps distinct criteria apart, even when their texts concatenate alike', () => {
    const cache = new ResponseCache(10, 1000);
    cache.set(criteria('ab', 'c'), bytes('one'));
    cache.set(criteria('a', 'bc'), bytes('two'));
    expect(cache.get(criteria('ab', 'c'))?.toString()).toBe('one');
    expect(cache.get(criteria('a', 'bc'))?.toString()).toBe('two');
    expect(cache.get(criteria('abc'))).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its entry bound', () => {
    const cache = new ResponseCache(2, 1000);
    cache.set(criteria('a'), bytes('A'));
    cache.set(criteria('b'), bytes('B'));
    cache.get(criteria('a'));
    cache.set(criteria('c'), bytes('C'));
    expect(cache.get(criteria('b'))).toBeUndefined();
    expect(cache.get(criteria('a'))?.toString()).toBe('A');
    expect(cache.get(criteria('c'))?.toString()).toBe('C');
  });

  it('evicts by total bytes and never stores a body larger than the bound', () => {
    const cache = new ResponseCache(10, 10);
    cache.set(criteria('a'), bytes('123456'));
    cache.set(criteria('b'), bytes('12345'));
    expect(cache.get(criteria('a'))).toBeUndefined();
    expect(cache.get(criteria('b'))?.toString()).toBe('12345');
    cache.set(criteria('c'), bytes('12345678901'));
    expect(cache.get(criteria('c'))).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('replaces an entry and empties on clear', () => {
    const cache = new ResponseCache(10, 10);
    cache.set(criteria('a'), bytes('12345'));
    cache.set(criteria('a'), bytes('1234567890'));
    expect(cache.get(criteria('a'))?.toString()).toBe('1234567890');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
