import { describe, expect, it } from 'vitest';
import { advanceTail, type TailState } from './gap-hold.js';

const GRACE = 2000;
const rows = (...ids: number[]) => ids.map((id) => ({ id }));
const ids = (list: { id: number }[]) => list.map((row) => row.id);
const start = (cursor: number): TailState => ({ cursor, missing: [] });

describe('advanceTail (gap hold)', () => {
  it('delivers contiguous rows and moves the cursor to the last one', () => {
    const step = advanceTail(start(10), rows(11, 12, 13), 0, GRACE);
    expect(ids(step.deliver)).toEqual([11, 12, 13]);
    expect(step.state).toEqual({ cursor: 13, missing: [] });
  });

  it('delivers nothing and keeps the cursor when no row is new', () => {
    expect(advanceTail(start(10), [], 0, GRACE)).toEqual({ deliver: [], skipped: [], state: start(10) });
  });

  it('holds at a gap (an id committed later than a higher one) and remembers when it was seen', () => {
    const step = advanceTail(start(10), rows(12, 13), 1000, GRACE);
    expect(step.deliver).toEqual([]);
    expect(step.state).toEqual({ cursor: 10, missing: [{ from: 11, to: 11, since: 1000 }] });
  });

  it('delivers in id order once the gap fills', () => {
    const held = advanceTail(start(10), rows(12, 13), 1000, GRACE).state;
    const step = advanceTail(held, rows(11, 12, 13), 1100, GRACE);
    expect(ids(step.deliver)).toEqual([11, 12, 13]);
    expect(step.state).toEqual({ cursor: 13, missing: [] });
  });

  it('delivers up to the gap and holds there', () => {
    const step = advanceTail(start(10), rows(11, 13), 0, GRACE);
    expect(ids(step.deliver)).toEqual([11]);
    expect(step.state).toEqual({ cursor: 11, missing: [{ from: 12, to: 12, since: 0 }] });
  });

  it('keeps holding just before the grace period ends', () => {
    const held = advanceTail(start(10), rows(12), 1000, GRACE).state;
    const step = advanceTail(held, rows(12), 1000 + GRACE - 1, GRACE);
    expect(step.deliver).toEqual([]);
    expect(step.state.missing).toEqual([{ from: 11, to: 11, since: 1000 }]);
  });

  it('skips a gap missing for the grace period (a rolled-back insert) and delivers past it', () => {
    const held = advanceTail(start(10), rows(12), 1000, GRACE).state;
    const step = advanceTail(held, rows(12, 13), 1000 + GRACE, GRACE);
    expect(ids(step.deliver)).toEqual([12, 13]);
    expect(step.skipped).toEqual([{ from: 11, to: 11, since: 1000 }]);
    expect(step.state).toEqual({ cursor: 13, missing: [] });
  });

  it('times each gap from when it was first seen, not from when the previous one was skipped', () => {
    const seen = advanceTail(start(10), rows(12, 14), 0, GRACE).state;
    expect(seen.missing).toEqual([
      { from: 11, to: 11, since: 0 },
      { from: 13, to: 13, since: 0 },
    ]);
    const step = advanceTail(seen, rows(12, 14), GRACE, GRACE);
    expect(ids(step.deliver)).toEqual([12, 14]);
    expect(step.skipped).toHaveLength(2);
  });

  it('gives a gap that appears later its own grace period', () => {
    const first = advanceTail(start(10), rows(12), 0, GRACE).state;
    const second = advanceTail(first, rows(12, 14), 1500, GRACE);
    expect(second.deliver).toEqual([]);
    const third = advanceTail(second.state, rows(12, 14), GRACE, GRACE);
    expect(ids(third.deliver)).toEqual([12]);
    expect(third.state).toEqual({ cursor: 12, missing: [{ from: 13, to: 13, since: 1500 }] });
  });

  it('keeps the first-seen time of a wide gap while it partly fills', () => {
    const seen = advanceTail(start(10), rows(15), 0, GRACE).state;
    const partly = advanceTail(seen, rows(11, 13, 15), 500, GRACE);
    expect(ids(partly.deliver)).toEqual([11]);
    expect(partly.state.missing).toEqual([
      { from: 12, to: 12, since: 0 },
      { from: 14, to: 14, since: 0 },
    ]);
  });

  it('skips a wide burnt range at once and counts it', () => {
    const seen = advanceTail(start(0), rows(1001), 0, GRACE).state;
    const step = advanceTail(seen, rows(1001), GRACE, GRACE);
    expect(ids(step.deliver)).toEqual([1001]);
    expect(step.skipped).toEqual([{ from: 1, to: 1000, since: 0 }]);
  });

  it('keeps holding past the grace period while a transaction still holds the id', () => {
    const held = advanceTail(start(10), rows(12, 14), 0, GRACE).state;
    const step = advanceTail(held, rows(12, 14), GRACE, GRACE, (range) => range.from === 13);
    expect(ids(step.deliver)).toEqual([12]);
    expect(step.skipped).toEqual([{ from: 11, to: 11, since: 0 }]);
    expect(step.state).toEqual({ cursor: 12, missing: [{ from: 13, to: 13, since: 0 }] });
  });
});
