import { expect, it } from 'vitest';
import { cidrsOverlap } from './cidr.js';

it.each([
  ['10.10.1.0/28', '10.10.2.0/28', false],
  ['10.10.1.0/24', '10.10.1.128/25', true],
  ['0.0.0.0/0', '192.168.1.1/32', true],
  ['10.10.1.15/32', '10.10.1.0/28', true],
  ['10.10.1.16/32', '10.10.1.0/28', false],
])('%s and %s overlap: %s', (a, b, expected) => {
  expect(cidrsOverlap(a, b)).toBe(expected);
  expect(cidrsOverlap(b, a)).toBe(expected);
});

it('rejects what is not an IPv4 CIDR', () => {
  expect(() => cidrsOverlap('fd00::/8', '10.0.0.0/8')).toThrow(/not an IPv4 CIDR/);
});
