import { describe, expect, it } from 'vitest';
import { SharedFreshRead } from './shared-fresh-read.js';

/** A read whose answers the test releases by hand, recording the batches it was sent. */
function manualRead() {
  const batches: string[][] = [];
  const pending: Array<{ keys: string[]; done: (values: Map<string, number>) => void; fail: (e: Error) => void }> = [];
  let version = 0;
  const read = (keys: string[]) =>
    new Promise<Map<string, number>>((done, fail) => {
      batches.push(keys);
      // The value a read returns is the data version when it was SENT.
      const sentAt = version;
      pending.push({ keys, done: () => done(new Map(keys.map((k) => [k, sentAt]))), fail });
    });
  return {
    read,
    batches,
    bump: () => version++,
    release: () => pending.shift()!.done(new Map()),
    failNext: (e: Error) => pending.shift()!.fail(e),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('SharedFreshRead', () => {
  it('never answers a caller from a read sent before it asked', async () => {
    const m = manualRead();
    const shared = new SharedFreshRead(m.read);
    const first = shared.get('a');
    m.bump(); // a write commits while the first read is in flight…
    const second = shared.get('a'); // …and then a caller asks
    await tick();
    m.release();
    expect(await first).toBe(0);
    await tick();
    m.release();
    expect(await second).toBe(1); // the second read was sent after the write
    expect(m.batches).toEqual([['a'], ['a']]);
  });

  it('sends the callers waiting during a read as one batch of distinct keys', async () => {
    const m = manualRead();
    const shared = new SharedFreshRead(m.read);
    const first = shared.get('a');
    const waiting = [shared.get('a'), shared.get('b'), shared.get('a'), shared.get('c')];
    await tick();
    m.release();
    await first;
    await tick();
    m.release();
    expect(await Promise.all(waiting)).toEqual([0, 0, 0, 0]);
    expect(m.batches).toEqual([['a'], ['a', 'b', 'c']]);
  });

  it('bounds the keys of one batch; the rest go in the next', async () => {
    const m = manualRead();
    const shared = new SharedFreshRead(m.read, 2);
    const all = ['a', 'b', 'c', 'd', 'e'].map((k) => shared.get(k));
    for (let i = 0; i < 3; i++) {
      await tick();
      m.release();
    }
    await Promise.all(all);
    expect(m.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('fails every caller of a failed batch, and the next batch still runs', async () => {
    const m = manualRead();
    const shared = new SharedFreshRead(m.read);
    const failed = [shared.get('a'), shared.get('b')].map((p) => p.catch((e: Error) => e.message));
    await tick();
    m.failNext(new Error('db down'));
    expect(await failed[0]).toBe('db down');
    await tick();
    m.failNext(new Error('db down'));
    expect(await failed[1]).toBe('db down');
    const later = shared.get('a');
    await tick();
    m.release();
    expect(await later).toBe(0);
  });

  it('fails a caller whose key the read did not answer', async () => {
    const shared = new SharedFreshRead(async () => new Map<string, number>());
    await expect(shared.get('a')).rejects.toThrow('no value for a key of the batch');
  });
});
