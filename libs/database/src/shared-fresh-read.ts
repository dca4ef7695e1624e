/**
 * Shares one database read among concurrent callers WITHOUT ever answering a caller from a read
 * that was sent before it asked (ADR 0012). A caller joins the batch that is waiting to be sent;
 * a batch is sent when no read of this instance is in flight, so callers arriving during a read
 * wait for the next one. Every answer therefore reflects every commit that completed before its
 * caller asked — the freshness of one read per request — at one round trip per batch.
 *
 * `read` gets the batch's distinct keys (at most `maxKeys`) and returns one value per key. A
 * failed read fails every caller of its batch, as a failed per-request read failed its request.
 */
export class SharedFreshRead<K, V> {
  private waiting = new Map<K, Array<Waiter<V>>>();
  private inFlight = false;

  constructor(
    private readonly read: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxKeys = 100,
  ) {}

  get(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      this.send();
    });
  }

  private send(): void {
    if (this.inFlight || this.waiting.size === 0) return;
    const batch = new Map<K, Array<Waiter<V>>>();
    for (const [key, waiters] of this.waiting) {
      if (batch.size === this.maxKeys) break;
      batch.set(key, waiters);
      this.waiting.delete(key);
    }
    this.inFlight = true;
    this.read([...batch.keys()]).then(
      (values) =>
        this.settle(batch, (waiter, key) =>
          values.has(key)
            ? waiter.resolve(values.get(key)!)
            : waiter.reject(new Error('no value for a key of the batch')),
        ),
      (error: unknown) => this.settle(batch, (waiter) => waiter.reject(error)),
    );
  }

  private settle(batch: Map<K, Array<Waiter<V>>>, each: (waiter: Waiter<V>, key: K) => void): void {
    this.inFlight = false;
    for (const [key, waiters] of batch) for (const waiter of waiters) each(waiter, key);
    this.send();
  }
}

interface Waiter<V> {
  resolve(value: V): void;
  reject(error: unknown): void;
}

/**
 * The one-key case: a task many callers need, each from a run that started after it asked (the
 * catalogue catch-up before a search). Idle, a caller starts a run at once; under load one run
 * serves everyone who arrived during the previous one.
 */
export function sharedFreshRun<T>(task: () => Promise<T>): () => Promise<T> {
  const shared = new SharedFreshRead<true, T>(async () => new Map([[true, await task()]]), 1);
  return () => shared.get(true);
}
