import { describe, expect, it } from 'vitest';
import { parsePrice } from './price-input';

describe('parsePrice: what the owner types, as the number the service checks', () => {
  it('reads decimals with a point or a comma, around spaces', () => {
    expect(parsePrice('4.5')).toBe(4.5);
    expect(parsePrice(' 4,50 ')).toBe(4.5);
    expect(parsePrice('12')).toBe(12);
    expect(parsePrice('.5')).toBe(0.5);
  });

  it('passes zero and negatives on (the service refuses them in its words)', () => {
    expect(parsePrice('0')).toBe(0);
    expect(parsePrice('-1')).toBe(-1);
  });

  it('refuses what is not a number', () => {
    for (const typed of ['', '  ', 'abc', '1e3', '4.5.1', '€4', 'Infinity', '1,000.50']) {
      expect(parsePrice(typed), typed).toBeNull();
    }
  });
});
