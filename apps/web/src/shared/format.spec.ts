import { describe, expect, it } from 'vitest';
import { formatAge, formatExactMoney, formatMoney, lineTotal } from './format';

describe('format', () => {
  it('shows totals as money without floating-point noise', () => {
    const total = lineTotal([
      { price: 0.1, quantity: 1 },
      { price: 0.2, quantity: 1 },
    ]);
    expect(total).toBe(0.3);
    expect(formatMoney(total)).toMatch(/0[.,]30/);
  });

  it('says how old an order is in words', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(formatAge('2026-12-01T09:59:30Z', now)).toBe('just now');
    expect(formatAge('2026-12-01T09:56:00Z', now)).toBe('4 min ago');
    expect(formatAge('2026-12-01T07:00:00Z', now)).toBe('3 h ago');
    expect(formatAge('2026-11-28T10:00:00Z', now)).toBe('3 days ago');
  });
});

describe('formatExactMoney', () => {
  it('keeps every decimal the service sent, and at least cents', () => {
    expect(formatExactMoney(0.125)).toMatch(/0[.,]125/);
    expect(formatExactMoney(4.5)).toMatch(/4[.,]50/);
    expect(formatExactMoney(12)).toMatch(/12[.,]00/);
  });
});
