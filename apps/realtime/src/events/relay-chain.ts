import type { OrderEventRecord } from '@shopwire/contracts';

/**
 * The relay stream's chain (ADR 0027). The leader adds each event it delivers as the entry
 * `<eventId>-0` with `prev`: its tail cursor just before that event, so every id in (prev, id) is
 * settled as empty (never used, or a rolled-back insert the gap hold gave up on). A follower whose
 * cursor is below `prev` has a hole — entries trimmed, lost in a failover, or written by a leader
 * that started ahead of the stream — and reads (cursor, prev] from `order_events` first: the
 * leader already passed those ids, so no transaction can still add one. Pure.
 */

export interface RelayEntry {
  event: OrderEventRecord;
  /** The leader's cursor before this event. */
  prev: number;
  /** When the leader added it (ms since the epoch), for the lag metric. */
  addedAt: number;
}

export type ChainStep =
  /** Read the committed events in (after, upTo] from the table and deliver them. */
  { kind: 'fill'; after: number; upTo: number } | { kind: 'deliver'; event: OrderEventRecord };

/**
 * What a follower at `cursor` does with `entries` (ascending stream order): skips what it already
 * has, fills holes, delivers the rest. Returns the cursor after the steps.
 */
export function planChain(cursor: number, entries: readonly RelayEntry[]): { steps: ChainStep[]; cursor: number } {
  const steps: ChainStep[] = [];
  for (const { event, prev } of entries) {
    if (event.id <= cursor) continue;
    // A prev at or above its own id cannot come from a leader; fill up to the entry, the safe side.
    const settled = Math.min(prev, event.id - 1);
    if (settled > cursor) steps.push({ kind: 'fill', after: cursor, upTo: settled });
    steps.push({ kind: 'deliver', event });
    cursor = event.id;
  }
  return { steps, cursor };
}

/** The leader's side: each delivered event with the cursor before it (`start` for the first). */
export function chainOf(
  start: number,
  events: readonly OrderEventRecord[],
): Array<{ event: OrderEventRecord; prev: number }> {
  return events.map((event, i) => ({ event, prev: i === 0 ? start : events[i - 1].id }));
}

/** Stream entry fields, as XREAD returns them: [name, value, name, value, …]. */
export function parseEntry(fields: readonly string[]): RelayEntry | undefined {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
  const body = values.get('e');
  const prev = Number(values.get('p'));
  if (body === undefined || !Number.isSafeInteger(prev)) return undefined;
  try {
    const event = JSON.parse(body) as OrderEventRecord;
    if (!Number.isSafeInteger(event.id)) return undefined;
    return { event, prev, addedAt: Number(values.get('t') ?? 0) };
  } catch {
    return undefined;
  }
}
