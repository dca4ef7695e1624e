import { describe, expect, it } from 'vitest';
import { sharedFreshRun } from './shared-fresh-read.js';

/** A task whose runs the test finishes by hand, recording when each started. */
function controlledTask() {
  const runs: { finish: (value: number) => void; fail: (error: Error) => void }[] = [];
  const task = {
    run: sharedFreshRun<number>(
      () =>
        new Promise<number>((resolve, reject) => {
          runs.push({ finish: resolve, fail: reject });
        }),
    ),
  };
  return { task, runs };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sharedFreshRun', () => {
  it('starts a run immediately when idle', async () => {
    const { task, runs } = controlledTask();
    const result = task.run();
    expect(runs).toHaveLength(1);
    runs[0].finish(7);
    expect(await result).toBe(7);
  });

  it('makes callers arriving during a run share the one queued after it', async () => {
    const { task, runs } = controlledTask();
    const first = task.run();
    const later = [task.run(), task.run(), task.run()];
    expect(runs).toHaveLength(1);
    runs[0].finish(1);
    expect(await first).toBe(1);
    await tick();
    expect(runs).toHaveLength(2);
    runs[1].finish(2);
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
  });

  it('never answers a caller with a run that started before it asked', async () => {
    const { task, runs } = controlledTask();
    void task.run();
    const second = task.run();
    runs[0].finish(1);
    await tick();
    const third = task.run();
    runs[1].finish(2);
    expect(await second).toBe(2);
    await tick();
    expect(runs).toHaveLength(3);
    runs[2].finish(3);
    expect(await third).toBe(3);
  });

  it('reports a failed run to its callers and runs again for the queued ones', async () => {
    const { task, runs } = controlledTask();
    const failing = task.run();
    const queued = task.run();
    runs[0].fail(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    await tick();
    runs[1].finish(5);
    expect(await queued).toBe(5);
  });
});
