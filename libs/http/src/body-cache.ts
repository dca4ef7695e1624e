import type { FastifyReply } from 'fastify';

/**
 * Serialised response bodies by key, least recently used first out, bounded by entries and by
 * total bytes. The key must name everything the body depends on (e.g. the data version), or the
 * owner clears the cache when that changes. Bodies are kept as UTF-8 bytes: a hit is written to
 * the socket without serialising or re-encoding anything.
 */
export class BodyCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): Buffer | undefined {
    const body = this.entries.get(key);
    if (body !== undefined) {
      // Re-inserting moves the entry to the most recently used end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    if (body.length > this.maxBytes) return;
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

/** Sends JSON that is already serialised, as it is. */
export async function sendJsonBytes(reply: FastifyReply, body: Buffer): Promise<void> {
  await reply.status(200).type('application/json; charset=utf-8').send(body);
}
