import { describe, expect, it } from 'vitest';
import { isPositiveInteger, isPresentString, isValidEmail } from './values.js';

describe('contract §0.4 value rules', () => {
  it.each([
    [7, true],
    [7.0, true],
    [1, true],
    [0, false],
    [-1, false],
    [1.5, false],
    ['7', false],
    [true, false],
    [null, false],
    [[1], false],
    [{}, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('positive integer %j → %s', (value, expected) => {
    expect(isPositiveInteger(value)).toBe(expected);
  });

  it.each([
    ['a', true],
    [' ', true],
    ['', false],
    [null, false],
    [1, false],
    [undefined, false],
  ])('present string %j → %s', (value, expected) => {
    expect(isPresentString(value)).toBe(expected);
  });

  it.each([
    ['name', false],
    ['name@', false],
    ['name@host', false],
    ['name@host.', false],
    ['name@host.x', false],
    ['name@host.org', true],
    ['a.b+c%d_e-f@sub.host-name.co', true],
    [' ', false],
    [`${'a'.repeat(244)}@example.org`, true],
    [`${'a'.repeat(245)}@example.org`, false],
  ])('email %j → %s', (value, expected) => {
    expect(isValidEmail(value)).toBe(expected);
  });
});
