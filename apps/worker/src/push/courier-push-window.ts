import type { Redis } from 'ioredis';

/**
 * The coalescing window of new-order pushes per courier device (docs/push.md): a device pushed
 * at T gets its next push no earlier than T + window, and that push covers every order since.
 * The first order after a quiet window goes at once, so an idle shop adds no delay; a burst becomes
 * one push per window. Kept in Redis (a key with a TTL per device), so every worker replica sees it.
 */
export class CourierPushWindow {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the device may be pushed again (0: now). */
  async remainingMs(subscriptionId: number): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.key(subscriptionId)));
  }

  /** Opens the window as a push to the device is sent. */
  async open(subscriptionId: number): Promise<void> {
    await this.redis.set(this.key(subscriptionId), '1', 'PX', this.windowMs);
  }

  /** Beside the queues' keys under the BullMQ prefix (one store, one prefix), not inside `push`'s. */
  private key(subscriptionId: number): string {
    return `${this.prefix}:push-window:courier-${subscriptionId}`;
  }
}
