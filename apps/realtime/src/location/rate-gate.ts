/**
 * At most one accepted report per key per fixed window of `intervalMs` (window k covers
 * [k·interval, (k+1)·interval) of the server clock). Fixed windows rather than "interval since the
 * last one": a device reporting every 1000 ms arrives with a few ms of jitter either way, and a
 * sliding rule would drop about half of its reports; with windows it loses one only when jitter
 * crosses a window edge. Decided locally, so a flood is shed without touching Redis; the
 * authoritative gate across replicas uses the same windows in Redis (location-relay.ts).
 */
export class RateGate {
  private readonly last = new Map<string, number>();

  constructor(readonly intervalMs: number) {}

  windowOf(now: number): number {
    return Math.floor(now / this.intervalMs);
  }

  /** Ms from `now` until the next window opens. */
  waitFrom(now: number): number {
    return (this.windowOf(now) + 1) * this.intervalMs - now;
  }

  /** 0 when `key` may go now (and records it), else the ms left until the next window. */
  take(key: string, now: number): number {
    const window = this.windowOf(now);
    if (this.last.get(key) === window) return this.waitFrom(now);
    this.last.set(key, window);
    if (this.last.size > 1024 && this.last.size % 1024 === 0) this.prune(window);
    return 0;
  }

  private prune(window: number): void {
    for (const [key, seen] of this.last) if (seen < window) this.last.delete(key);
  }
}
