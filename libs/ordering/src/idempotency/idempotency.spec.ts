import { Messages } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from './idempotency-key.js';
import { canonicalJson, requestFingerprint } from './request-fingerprint.js';

describe('Idempotency-Key header (contract §8)', () => {
  it.each([['a'], ['order-2026-11-30T10:00:00Z#1'], ['with space'], ['~'.repeat(255)]])('accepts %j', (key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it('is optional', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([[''], ['x'.repeat(256)], ['tab\there'], ['naïve'], ['line\nbreak'], [['a', 'b']]])('refuses %j', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(Messages.idempotencyKeyInvalid);
  });
});

describe('request fingerprint', () => {
  it('ignores key order and whitespace', () => {
    const a = JSON.parse('{"requests":[{"id":1,"quantity":2}],"x":{"b":1,"a":2}}');
    const b = JSON.parse('{ "x": {"a":2, "b":1}, "requests": [ {"quantity":2, "id":1} ] }');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestFingerprint(a).equals(requestFingerprint(b))).toBe(true);
  });

  it('tells different content apart', () => {
    const one = requestFingerprint({ requests: [{ id: 1, quantity: 2 }] });
    expect(one.equals(requestFingerprint({ requests: [{ id: 1, quantity: 3 }] }))).toBe(false);
    expect(one.equals(requestFingerprint({ requests: [{ id: 1, quantity: '2' }] }))).toBe(false);
    expect(requestFingerprint([1, 2]).equals(requestFingerprint([2, 1]))).toBe(false);
  });

  it('serialises like JSON.stringify with sorted keys, however deep the body', () => {
    expect(canonicalJson({ b: [1, 'x', null, { d: true, c: {} }], a: [] })).toBe(
      '{"a":[],"b":[1,"x",null,{"c":{},"d":true}]}',
    );
    const depth = 100_000;
    const nested = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(canonicalJson({ requests: nested })).toBe(`{"requests":${'['.repeat(depth)}${']'.repeat(depth)}}`);
  });
});
