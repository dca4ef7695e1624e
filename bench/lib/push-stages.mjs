// Where a push's time goes (bench/realtime-load.mjs): a process of the bench listens on the
// order-events channel too, so each event's path splits into event row → nudge (the row's
// occurred_at, i.e. its INSERT, then COMMIT, the writer's coalescing setImmediate, PUBLISH, Redis →
// subscriber) and nudge → receipt (the replica's wake-up, its reads of order_events, fan-out,
// socket.io encode and write, the client's parse). A nudge carries the highest id committed, so an event's nudge is the first one heard
// with an id at or above its own. Only meaningful on a Redis no one else publishes to: others'
// nudges (other ids) would pass for ours, hence the bench's own redis-server (REDIS=private).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Subscribes (in bench/lib/nudge-listener-process.mjs) to the channel on `redisUrl`. */
export async function watchNudges(redisUrl, onCleanup) {
  const script = fileURLToPath(new URL('./nudge-listener-process.mjs', import.meta.url));
  const child = fork(script, [], { env: { ...process.env, NUDGE_REDIS_URL: redisUrl } });
  onCleanup(() => child.kill('SIGKILL'));
  const reply = () => new Promise((resolve) => child.once('message', resolve));
  await reply();
  return {
    /** Resolves to `(eventId) → time the first nudge covering it was heard`, or undefined. */
    async timeline() {
      const answer = reply();
      child.send('collect');
      const { heard } = await answer;
      const byId = heard.filter(([id]) => Number.isSafeInteger(id)).sort((a, b) => a[0] - b[0]);
      // earliest[i]: the earliest time heard among nudges with ids ≥ byId[i][0].
      const earliest = new Array(byId.length);
      for (let i = byId.length - 1, min = Infinity; i >= 0; i--) earliest[i] = min = Math.min(min, byId[i][1]);
      return (eventId) => {
        let low = 0;
        let high = byId.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (byId[mid][0] < eventId) low = mid + 1;
          else high = mid;
        }
        return low < byId.length ? earliest[low] : undefined;
      };
    },
  };
}
