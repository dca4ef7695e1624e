import { describe, expect, it } from 'vitest';
import { exactSum } from './exact-sum';

describe('exactSum: revenue totals as decimals', () => {
  it('adds as the service does, without floating-point noise', () => {
    expect(exactSum([0.1, 0.1, 0.1])).toBe(0.3);
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([1.25, 2.5, 4])).toBe(7.75);
    expect(exactSum([0.125, 0.005])).toBe(0.13);
  });

  it('is 0 for nothing, and keeps large sums and negatives right', () => {
    expect(exactSum([])).toBe(0);
    expect(exactSum([123456789.99, 0.01])).toBe(123456790);
    expect(exactSum([-0.1, 0.3])).toBe(0.2);
  });
});
