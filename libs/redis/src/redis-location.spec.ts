import { describe, expect, it } from 'vitest';
import { isRedisLocation, parseSentinelUrl } from './redis-location.js';

describe('parseSentinelUrl', () => {
  it('reads every Sentinel, the primary name, the password and the database', () => {
    expect(
      parseSentinelUrl('redis-sentinel://:s%40cret@sentinel-1:26379,sentinel-2,10.0.0.3:26380/shopwire/2'),
    ).toEqual({
      sentinels: [
        { host: 'sentinel-1', port: 26379 },
        { host: 'sentinel-2', port: 26379 },
        { host: '10.0.0.3', port: 26380 },
      ],
      name: 'shopwire',
      password: 's@cret',
      db: 2,
    });
  });

  it('accepts a user, IPv6 addresses and no password', () => {
    expect(parseSentinelUrl('redis-sentinel://app:pw@[::1]:26379/main')).toEqual({
      sentinels: [{ host: '::1', port: 26379 }],
      name: 'main',
      username: 'app',
      password: 'pw',
      db: 0,
    });
    expect(parseSentinelUrl('redis-sentinel://s1:1/m')).toEqual({
      sentinels: [{ host: 's1', port: 1 }],
      name: 'm',
      db: 0,
    });
  });

  it.each([
    'redis://127.0.0.1:6379',
    'redis-sentinel://s1:26379', // no primary name
    'redis-sentinel://s1:26379,/m', // empty host
    'redis-sentinel://s1:99999/m', // port out of range
    'redis-sentinel://s1:x/m',
    'redis-sentinel:///m',
  ])('rejects %s', (url) => {
    expect(parseSentinelUrl(url)).toBeUndefined();
  });
});

describe('isRedisLocation', () => {
  it.each([
    ['redis://127.0.0.1:6379', true],
    ['rediss://:pw@cache.example:6380/1', true],
    ['redis-sentinel://a:26379,b:26379,c:26379/shopwire', true],
    ['http://127.0.0.1:6379', false],
    ['redis-sentinel://a:26379', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isRedisLocation(url)).toBe(expected);
  });
});
