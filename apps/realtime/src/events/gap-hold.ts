/**
 * Decides which freshly read `order_events` rows may be delivered, strictly in id order.
 *
 * Auto-increment ids are allocated at INSERT but become visible at COMMIT, so a missing id below a
 * row we can already see is either a transaction still in flight (it will appear) or a rollback
 * (the id is burnt forever). We hold at such a gap until it fills, or until it has been missing
 * for `graceMs` and `stillOpen` (the caller's check against the database) does not say that a
 * transaction still holds it; then it is declared burnt and skipped. Pure: time comes in as `now`.
 */

/** Ids `from..to` (inclusive) seen missing below a visible row since `since` (ms). */
export interface MissingRange {
  from: number;
  to: number;
  since: number;
}

export interface TailState {
  /** Every id ≤ cursor has been delivered or skipped. */
  cursor: number;
  /** Gaps above the cursor, ascending, with the time each was first seen. */
  missing: MissingRange[];
}

export interface TailStep<Row> {
  deliver: Row[];
  /** Ranges declared burnt in this step. */
  skipped: MissingRange[];
  state: TailState;
}

/**
 * One step of the tailer. `rows` are the rows with id > cursor, ascending (as the SELECT returns
 * them). A range missing now is a subset of a range missing before (gaps only fill) or lies above
 * every row seen before, so it inherits the first-seen time of the range containing its start.
 */
export function advanceTail<Row extends { id: number }>(
  state: TailState,
  rows: readonly Row[],
  now: number,
  graceMs: number,
  stillOpen: (range: MissingRange) => boolean = () => false,
): TailStep<Row> {
  const missing: MissingRange[] = [];
  let expected = state.cursor + 1;
  for (const row of rows) {
    if (row.id > expected) {
      const known = state.missing.find((range) => range.from <= expected && expected <= range.to);
      missing.push({ from: expected, to: row.id - 1, since: known?.since ?? now });
    }
    expected = row.id + 1;
  }

  const deliver: Row[] = [];
  const skipped: MissingRange[] = [];
  let cursor = state.cursor;
  for (const row of rows) {
    if (row.id > cursor + 1) {
      const gap = missing.find((range) => range.from === cursor + 1);
      if (gap === undefined || now - gap.since < graceMs || stillOpen(gap)) break;
      skipped.push(gap);
    }
    deliver.push(row);
    cursor = row.id;
  }
  return { deliver, skipped, state: { cursor, missing: missing.filter((range) => range.from > cursor) } };
}
