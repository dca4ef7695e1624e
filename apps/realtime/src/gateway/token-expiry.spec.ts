import { CLOCK_LEEWAY_SECONDS } from '@shopwire/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeSocket } from './realtime-socket.js';
import { TokenExpiry } from './token-expiry.js';

/** Just what TokenExpiry touches: the token's `exp` and `disconnect`. */
function socketExpiringAt(exp: number) {
  const disconnectedAt: number[] = [];
  const socket = { data: { exp }, disconnect: () => disconnectedAt.push(Date.now()) };
  return { socket: socket as unknown as RealtimeSocket, disconnectedAt };
}

describe('TokenExpiry', () => {
  const start = Date.UTC(2026, 11, 6, 12, 0, 0, 400);
  let expiry: TokenExpiry;
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    expiry = new TokenExpiry();
  });
  afterEach(() => {
    expiry.stop();
    vi.useRealTimers();
  });

  it('disconnects each socket within the second after exp + leeway, not before', () => {
    const now = Math.floor(start / 1000);
    const soon = socketExpiringAt(now + 2 - CLOCK_LEEWAY_SECONDS);
    const later = socketExpiringAt(now + 5 - CLOCK_LEEWAY_SECONDS);
    const gone = socketExpiringAt(now - 10 - CLOCK_LEEWAY_SECONDS);
    [soon, later, gone].forEach(({ socket }) => expiry.track(socket));

    vi.advanceTimersByTime(1000);
    expect(gone.disconnectedAt).toHaveLength(1);
    expect(soon.disconnectedAt).toEqual([]);
    vi.advanceTimersByTime(10_000);
    for (const [tracked, deadline] of [
      [soon, now + 2],
      [later, now + 5],
    ] as const) {
      expect(tracked.disconnectedAt).toHaveLength(1);
      expect(tracked.disconnectedAt[0]! - deadline * 1000).toBeGreaterThanOrEqual(0);
      expect(tracked.disconnectedAt[0]! - deadline * 1000).toBeLessThan(1000);
    }
  });

  it('leaves a forgotten socket alone and stops ticking when none is left', () => {
    const now = Math.floor(start / 1000);
    const forgotten = socketExpiringAt(now + 1 - CLOCK_LEEWAY_SECONDS);
    expiry.track(forgotten.socket);
    expiry.forget(forgotten.socket);
    vi.advanceTimersByTime(5000);
    expect(forgotten.disconnectedAt).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
