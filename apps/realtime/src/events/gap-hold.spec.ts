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

  // Galera (ADR 0022): ids as a cluster allocates them, fed step by step as a tailer reads them.
  describe('with Galera-allocated ids', () => {
    /** Feeds arrivals (id, ms) to the tailer every 100 ms; returns each id's delivery time and what was skipped. */
    function tail(
      arrivals: [id: number, at: number][],
      until: number,
      stillOpen?: (range: { from: number }) => boolean,
    ) {
      let state = start(0);
      const delivered = new Map<number, number>();
      const skipped: number[] = [];
      for (let now = 0; now <= until; now += 100) {
        const visible = arrivals.filter(([id, at]) => at <= now && id > state.cursor).map(([id]) => ({ id }));
        const step = advanceTail(
          state,
          visible.sort((a, b) => a.id - b.id),
          now,
          GRACE,
          stillOpen,
        );
        for (const row of step.deliver) delivered.set(row.id, now);
        for (const range of step.skipped) for (let id = range.from; id <= range.to; id++) skipped.push(id);
        state = step.state;
      }
      return { delivered, skipped };
    }

    it('interleaved ids (auto_increment_increment = 3) lose nothing but wait a grace period each', () => {
      // One writer with wsrep_auto_increment_control ON: offset 1, step 3; an event every 200 ms.
      const arrivals = Array.from({ length: 10 }, (_, i): [number, number] => [1 + 3 * i, 200 * i]);
      const { delivered, skipped } = tail(arrivals, 10_000);
      expect([...delivered.keys()]).toEqual(arrivals.map(([id]) => id));
      expect(skipped.every((id) => (id - 1) % 3 !== 0)).toBe(true); // only ids no node allocated
      // Every event after the first waited out the grace period: why the cluster runs with the
      // control OFF and a single writer (dense ids).
      for (const [id, at] of arrivals.slice(1)) expect(delivered.get(id)! - at).toBeGreaterThanOrEqual(GRACE);
    });

    it('a failover to another node (offset 2) jumps the ids: nothing committed is skipped', () => {
      const before: [number, number][] = [
        [1, 0],
        [4, 100],
        [7, 200],
      ];
      const after: [number, number][] = [
        [8, 6000],
        [11, 6200],
        [14, 6400],
      ];
      const { delivered, skipped } = tail([...before, ...after], 12_000);
      expect([...delivered.keys()]).toEqual([1, 4, 7, 8, 11, 14]);
      expect(skipped).not.toContain(8);
    });

    it('dense ids from one writer (the control OFF) are delivered at once, also across a failover', () => {
      const arrivals: [number, number][] = [
        [1, 0],
        [2, 100],
        [3, 200],
        [4, 6000],
        [5, 6100],
      ];
      const { delivered, skipped } = tail(arrivals, 7000);
      for (const [id, at] of arrivals) expect(delivered.get(id)! - at).toBeLessThanOrEqual(100);
      expect(skipped).toEqual([]);
    });

    it('an id committed late by another node within the grace period is delivered in order', () => {
      // Two writers for a moment (the proxy's fail-back): 3 commits on one node before 2 on the other.
      const { delivered, skipped } = tail(
        [
          [1, 0],
          [3, 100],
          [2, 1500],
          [4, 1600],
        ],
        4000,
      );
      expect([...delivered.keys()]).toEqual([1, 2, 3, 4]);
      expect(skipped).toEqual([]);
    });
  });
});
