import { describe, expect, it } from 'vitest';
import { EventCursor } from './event-cursor.js';

describe('EventCursor', () => {
  it('starts without a position unless resumed', () => {
    expect(new EventCursor().lastEventId).toBeUndefined();
    expect(new EventCursor(7).lastEventId).toBe(7);
  });

  it('accepts increasing ids and drops repeats and older ones', () => {
    const cursor = new EventCursor();
    expect([3, 5, 5, 4, 6].map((id) => cursor.accept(id))).toEqual([true, true, false, false, true]);
    expect(cursor.lastEventId).toBe(6);
  });

  it("passes one event id on once per event name (a courier's pick-up: order.taken and order.status)", () => {
    const cursor = new EventCursor();
    const seen = [
      [4, 'order.taken'],
      [4, 'order.status'],
      [4, 'order.status'],
      [4, 'order.taken'],
      [5, 'order.status'],
      [4, 'order.available'],
    ] as const;
    expect(seen.map(([id, name]) => cursor.accept(id, name))).toEqual([true, true, false, false, true, false]);
    cursor.advanceTo(9);
    expect(cursor.accept(9, 'order.status')).toBe(false);
  });

  it('moves forward on ready/resync but never back', () => {
    const cursor = new EventCursor(10);
    cursor.advanceTo(8);
    expect(cursor.lastEventId).toBe(10);
    cursor.advanceTo(20);
    expect(cursor.accept(15)).toBe(false);
    expect(cursor.accept(21)).toBe(true);
  });

  it("goes back on a store reset, then accepts the new store's lower ids", () => {
    const cursor = new EventCursor(10);
    cursor.resetTo(0);
    expect(cursor.accept(1)).toBe(true);
    expect(cursor.lastEventId).toBe(1);
  });
});
