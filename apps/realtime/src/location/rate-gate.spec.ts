import { describe, expect, it } from 'vitest';
import { RateGate } from './rate-gate.js';

describe('RateGate', () => {
  it('lets one through per window per key and says how long until the next window', () => {
    const gate = new RateGate(1000);
    expect(gate.take('a', 10_000)).toBe(0);
    expect(gate.take('a', 10_400)).toBe(600);
    expect(gate.take('b', 10_400)).toBe(0);
    expect(gate.take('a', 10_999)).toBe(1);
    expect(gate.take('a', 11_000)).toBe(0);
  });

  it('never accepts two in one window however many are tried', () => {
    const gate = new RateGate(1000);
    let accepted = 0;
    for (let t = 0; t < 10_000; t += 7) if (gate.take('a', t) === 0) accepted++;
    expect(accepted).toBe(10);
  });

  it('keeps every report of a 1 Hz device whose jitter stays inside the window', () => {
    const gate = new RateGate(1000);
    const jitter = [3, -4, 9, -9, 0, 5, -2];
    const accepted = jitter.filter((j, second) => gate.take('a', 5_500 + second * 1000 + j) === 0);
    expect(accepted).toHaveLength(jitter.length);
  });

  it('keeps working while pruning many keys', () => {
    const gate = new RateGate(1000);
    for (let i = 0; i < 5000; i++) expect(gate.take(`k${i}`, i)).toBe(0);
    expect(gate.take('k4999', 4999)).toBe(1);
    expect(gate.take('k0', 5000)).toBe(0);
    expect(gate.take('k0', 5001)).toBe(999);
  });
});
