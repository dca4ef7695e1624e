import type { SearchCriteria } from './search-criteria.js';

/**
 * Serialised /search bodies by criteria, least recently used first out, bounded by entries and
 * by total bytes (a body lists up to the whole catalogue). Emptied whenever the catalogue grows,
 * so an entry is always the answer for the current catalogue. Bodies are kept as UTF-8 bytes:
 * a hit is written to the socket without re-encoding a string of up to megabytes.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(criteria: SearchCriteria): Buffer | undefined {
    const key = keyOf(criteria);
    const body = this.entries.get(key);
    if (body !== undefined) {
      // Re-inserting moves the entry to the most recently used end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(criteria: SearchCriteria, body: Buffer): void {
    if (body.length > this.maxBytes) return;
    const key = keyOf(criteria);
    this.remove(key);
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const body = this.entries.get(key);
    if (body === undefined) return;
    this.entries.delete(key);
    this.bytes -= body.length;
  }
}

/** Length-prefixed, so no pair of texts (which may hold any character) shares a key. */
const keyOf = ({ name, category }: SearchCriteria) => `${name.length}:${name}${category}`;
