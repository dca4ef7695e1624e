/**
 * At most one accepted report per key per interval, decided locally: a flood is dropped here
 * without touching Redis. The authoritative per-courier gate across replicas is in Redis (see
 * location-relay.ts); this one only sheds excess early. Entries past the interval are pruned.
 */
export class RateGate {
  private readonly last = new Map<string, number>();

  constructor(private readonly intervalMs: number) {}

  /** 0 when `key` may go now (and records it), else the ms left to wait. */
  take(key: string, now: number): number {
    const previous = this.last.get(key);
    if (previous !== undefined && now - previous < this.intervalMs) return this.intervalMs - (now - previous);
    this.last.set(key, now);
    if (this.last.size > 1024 && this.last.size % 1024 === 0) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, at] of this.last) if (now - at >= this.intervalMs) this.last.delete(key);
  }
}
