/**
 * The client's position in the event stream. The server delivers each connection's events in
 * increasing `eventId` order, so anything not above the highest id seen is a duplicate (a replay
 * overlapping live delivery, or a second replica catching up).
 */
export class EventCursor {
  /**
   * Event names already passed on for `last`: one order event may reach a client under two
   * names (a courier's own pick-up: `order.taken` and `order.status`). Null: all of them (the
   * server said everything up to `last` was sent).
   */
  private namesAtLast: Set<string> | null = null;

  constructor(private last: number | undefined = undefined) {}

  /** Highest event id seen; undefined before the first event or `ready`. */
  get lastEventId(): number | undefined {
    return this.last;
  }

  /** True (and remembered) for a new event (id, name); false for a duplicate to drop. */
  accept(eventId: number, name = ''): boolean {
    if (this.last === undefined || eventId > this.last) {
      this.last = eventId;
      this.namesAtLast = new Set([name]);
      return true;
    }
    if (eventId < this.last || !this.namesAtLast || this.namesAtLast.has(name)) return false;
    this.namesAtLast.add(name);
    return true;
  }

  /** The store was reset: ids start again, so the position may go back. */
  resetTo(eventId: number): void {
    this.last = eventId;
    this.namesAtLast = null;
  }

  /** The server says everything up to `eventId` that concerns us was sent (`ready`, `resync`). */
  advanceTo(eventId: number): void {
    if (this.last === undefined || eventId > this.last) {
      this.last = eventId;
      this.namesAtLast = null;
    }
  }
}
