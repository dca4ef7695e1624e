import { describe, expect, it } from 'vitest';
import { bodyObject, isWellFormedContentType, parseObjectOrEmpty } from './lenient-json.js';

describe('contract §0.2 body normalisation', () => {
  it.each([
    ['', {}],
    ['not json', {}],
    ['[1,2]', {}],
    ['"text"', {}],
    ['42', {}],
    ['null', {}],
    ['{"a":1}', { a: 1 }],
  ])('%j → %j', (text, expected) => {
    expect(parseObjectOrEmpty(text)).toEqual(expected);
  });

  it('treats non-objects handed over by the framework as {}', () => {
    expect(bodyObject(undefined)).toEqual({});
    expect(bodyObject([1])).toEqual({});
    expect(bodyObject({ id: 1 })).toEqual({ id: 1 });
  });

  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['multipart/form-data; boundary=x', true],
    ['foo', false],
    [';;;', false],
    ['', false],
    ['undefined', false],
  ])('content type %j is well-formed: %s (malformed ones are read as an unreadable body)', (value, expected) => {
    expect(isWellFormedContentType(value)).toBe(expected);
  });
});
