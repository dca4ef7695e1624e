import { CLOCK_LEEWAY_SECONDS } from '@shopwire/contracts';
import type { RealtimeSocket } from './realtime-socket.js';

/**
 * Disconnects each socket when its token expires (`exp` + leeway), within the second. One timer for
 * the whole replica, ticking on whole seconds while any socket is tracked, instead of one timer per
 * socket: Node keeps a timer list per distinct delay, and every socket's delay is different, so
 * per-socket timers cost about half a kilobyte each (docs/benchmarks.md, Realtime).
 */
export class TokenExpiry {
  /** Sockets by the second at which they must go (`exp` + leeway, seconds since the epoch). */
  private readonly bySecond = new Map<number, Set<RealtimeSocket>>();
  private timer?: NodeJS.Timeout;

  track(socket: RealtimeSocket): void {
    const second = deadlineOf(socket);
    const sockets = this.bySecond.get(second) ?? new Set();
    sockets.add(socket);
    this.bySecond.set(second, sockets);
    this.arm();
  }

  forget(socket: RealtimeSocket): void {
    const second = deadlineOf(socket);
    const sockets = this.bySecond.get(second);
    if (sockets?.delete(socket) && sockets.size === 0) this.bySecond.delete(second);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    if (this.timer || this.bySecond.size === 0) return;
    // Next whole second (+1 ms so that the second has begun on this clock).
    this.timer = setTimeout(() => this.tick(), 1001 - (Date.now() % 1000));
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    const now = Date.now() / 1000;
    for (const [second, sockets] of this.bySecond) {
      if (second > now) continue;
      this.bySecond.delete(second);
      for (const socket of sockets) socket.disconnect(true);
    }
    this.arm();
  }
}

const deadlineOf = (socket: RealtimeSocket): number => socket.data.exp + CLOCK_LEEWAY_SECONDS;
