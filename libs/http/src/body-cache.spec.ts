import { describe, expect, it } from 'vitest';
import { BodyCache } from './body-cache.js';

const bytes = (text: string) => Buffer.from(text);

describe('BodyCache', () => {
  it('evicts the least recently used entry beyond its entry bound', () => {
    const cache = new BodyCache(2, 1000);
    cache.set('a', bytes('A'));
    cache.set('b', bytes('B'));
    cache.get('a');
    cache.set('c', bytes('C'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.toString()).toBe('A');
    expect(cache.get('c')?.toString()).toBe('C');
  });

  it('evicts by total bytes and never stores a body larger than the bound', () => {
    const cache = new BodyCache(10, 10);
    cache.set('a', bytes('123456'));
    cache.set('b', bytes('12345'));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.toString()).toBe('12345');
    cache.set('c', bytes('12345678901'));
    expect(cache.get('c')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('replaces an entry and empties on clear', () => {
    const cache = new BodyCache(10, 10);
    cache.set('a', bytes('12345'));
    cache.set('a', bytes('1234567890'));
    expect(cache.get('a')?.toString()).toBe('1234567890');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
