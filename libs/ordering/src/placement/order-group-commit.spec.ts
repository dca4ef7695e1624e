import { describe, expect, it } from 'vitest';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { OrderWriter, PlacedOrders } from '../writes/order-writer.js';
import { OrderGroupCommit } from './order-group-commit.js';
import type { OrderPlacementService, PreparedOrder } from './order-placement.service.js';

/** A writer that records what each placement statement wrote; the first one waits for `release`. */
function recordingStack(options: { maxSize?: number; maxLines?: number }) {
  const batches: number[] = [];
  let nextId = 1;
  let release!: () => void;
  const firstHeld = new Promise<void>((resolve) => (release = resolve));
  const placement = {
    addOrders: (_statement: unknown, orders: readonly PreparedOrder[]) => orders.map((_, n) => `v${n}`),
  } as unknown as OrderPlacementService;
  const writer = {
    async writePlacement(place: (statement: unknown) => PlacedOrders) {
      const { ids } = place({});
      batches.push(ids.length);
      if (batches.length === 1) await firstHeld;
      return ids.map(() => nextId++);
    },
  } as unknown as OrderWriter;
  const groupCommit = new OrderGroupCommit(placement, {} as IdempotencyService, writer, {
    redisUrl: 'redis://unused',
    groupCommit: { windowMs: 1_000, maxInFlight: 1, ...options },
  });
  return { groupCommit, batches, release };
}

const order = (lines: number) =>
  ({ lines: Array.from({ length: lines }, (_, i) => ({ productId: i + 1 })) }) as unknown as PreparedOrder;

describe('OrderGroupCommit batch bounds', () => {
  it('starts a lone order at once and queues the rest behind the batch in flight', async () => {
    const { groupCommit, batches, release } = recordingStack({});
    const first = groupCommit.write(order(1), undefined);
    const rest = [1, 2, 3].map(() => groupCommit.write(order(1), undefined));
    expect(batches).toEqual([1]);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([1, 3]);
  });

  it('cuts a batch at maxSize orders and at maxLines lines, never below one order', async () => {
    const { groupCommit, batches, release } = recordingStack({ maxSize: 3, maxLines: 5 });
    const first = groupCommit.write(order(1), undefined);
    const queued = [2, 2, 2, 9, 1, 1, 1, 1].map((lines) => groupCommit.write(order(lines), undefined));
    release();
    await Promise.all([first, ...queued]);
    // 2+2 (a third would make 6 lines), then 2 alone (with the 9 it would exceed), the 9 alone
    // (bigger than maxLines, still written), then 1+1+1 (maxSize), then the last 1.
    expect(batches).toEqual([1, 2, 1, 1, 3, 1]);
  });
});
