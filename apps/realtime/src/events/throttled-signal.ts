import type { OrderEventRecord, OrderStatus } from '@shopwire/contracts';

/** What one signal covers: the newest event read so far, and the counted events since the last signal. */
export interface SignalSummary {
  /** The highest order event id read so far (counted or not): the id a reconnect resumes from. */
  eventId: number;
  /** How many counted order events arrived since the previous signal. */
  orderEvents: number;
  /** When the newest counted event occurred (ISO 8601 UTC with milliseconds). */
  occurredAt: string;
}

/**
 * A compact signal instead of the events themselves, at most one per interval: the leading edge at
 * once, then one trailing signal covering everything that arrived meanwhile. A burst of thousands
 * of events costs a listener at most one signal per interval, and a view refetches at most that
 * often. `counts` picks the events that call for a signal.
 */
export class ThrottledSignal {
  private pending?: Omit<SignalSummary, 'eventId'>;
  private latestEventId = 0;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly intervalMs: number,
    private readonly counts: (status: OrderStatus) => boolean,
    private readonly send: (summary: SignalSummary) => void,
  ) {}

  /** Events the tailer delivered (committed, in id order). */
  note(events: readonly OrderEventRecord[]): void {
    for (const event of events) {
      this.latestEventId = Math.max(this.latestEventId, event.id);
      if (!this.counts(event.status)) continue;
      this.pending = { orderEvents: (this.pending?.orderEvents ?? 0) + 1, occurredAt: event.occurredAt };
    }
    if (!this.pending || this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.lastSentAt = Date.now();
    this.send({ ...pending, eventId: this.latestEventId });
  }
}
