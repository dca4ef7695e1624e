import { expect, it } from 'vitest';
import { blockAdmits, cidrsOverlap, cidrWithin } from './cidr.js';

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

it.each([
  [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, '142.250.185.10', true],
  [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, '10.10.1.0/28', false],
  [{ cidr: '0.0.0.0/0', except: ['10.10.0.0/16'] }, '10.0.0.0/8', true],
  [{ cidr: '10.10.1.0/28' }, '10.10.1.3', true],
  [{ cidr: '10.10.1.0/28' }, '10.10.2.3', false],
])('the block %j admits %s: %s', (block, target, expected) => {
  expect(blockAdmits(block, target)).toBe(expected);
});

it('tells a range inside another from one that only overlaps it', () => {
  expect(cidrWithin('10.10.1.0/28', '10.0.0.0/8')).toBe(true);
  expect(cidrWithin('10.0.0.0/8', '10.10.1.0/28')).toBe(false);
  expect(cidrWithin('10.10.1.7', '10.10.1.0/28')).toBe(true);
});
