/**
 * The client's position in the event stream. The server delivers each connection's events in
 * increasing `eventId` order, so anything not above the highest id seen is a duplicate (a replay
 * overlapping live delivery, or a second replica catching up).
 */
export class EventCursor {
  constructor(private last: number | undefined = undefined) {}

  /** Highest event id seen; undefined before the first event or `ready`. */
  get lastEventId(): number | undefined {
    return this.last;
  }

  /** True (and remembered) for a new event; false for a duplicate to drop. */
  accept(eventId: number): boolean {
    if (this.last !== undefined && eventId <= this.last) return false;
    this.last = eventId;
    return true;
  }

  /** The store was reset: ids start again, so the position may go back. */
  resetTo(eventId: number): void {
    this.last = eventId;
  }

  /** The server says everything up to `eventId` that concerns us was sent (`ready`, `resync`). */
  advanceTo(eventId: number): void {
    if (this.last === undefined || eventId > this.last) this.last = eventId;
  }
}
