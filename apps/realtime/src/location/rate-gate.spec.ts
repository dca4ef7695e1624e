import { describe, expect, it } from 'vitest';
import { RateGate } from './rate-gate.js';

describe('RateGate', () => {
  it('lets one through per interval per key and says how long to wait', () => {
    const gate = new RateGate(1000);
    expect(gate.take('a', 10_000)).toBe(0);
    expect(gate.take('a', 10_400)).toBe(600);
    expect(gate.take('b', 10_400)).toBe(0);
    expect(gate.take('a', 10_999)).toBe(1);
    expect(gate.take('a', 11_000)).toBe(0);
  });

  it('does not count refused attempts against the next interval', () => {
    const gate = new RateGate(1000);
    gate.take('a', 0);
    for (let t = 100; t < 1000; t += 100) expect(gate.take('a', t)).toBeGreaterThan(0);
    expect(gate.take('a', 1000)).toBe(0);
  });

  it('keeps working while pruning many keys', () => {
    const gate = new RateGate(1000);
    for (let i = 0; i < 5000; i++) expect(gate.take(`k${i}`, i)).toBe(0);
    expect(gate.take('k4999', 4999 + 999)).toBe(1);
    expect(gate.take('k0', 5000)).toBe(0);
  });
});
