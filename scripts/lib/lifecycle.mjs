// The life cycle shared by the chaos scenarios and the benchmarks: a work dir for the spawned
// processes' logs, a deadline, Ctrl-C handling, and cleanup of everything that was started (child
// processes, throwaway databases, …) whatever way the run ends.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cleanups = [];

/** Registers `fn` to run at the end, last registered first (children before their resources). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup failed: ${error.message}`);
    }
  }
}

/** On failure the work dir is removed anyway, so show the end of each process's log first. */
async function printLogTails(workDir, lines = 15) {
  for (const file of (await readdir(workDir)).filter((name) => name.endsWith('.log'))) {
    const text = (await readFile(join(workDir, file), 'utf8')).trimEnd();
    if (text) console.error(`--- last lines of ${file}\n${text.split('\n').slice(-lines).join('\n')}`);
  }
}

/**
 * Runs `body({ workDir })` and exits the process with the code it returns (default 0): 2 when it
 * throws or overruns `timeoutMs` (after `onError(error)` / `onTimeout()`), 130 on SIGINT/SIGTERM.
 * Cleanups run in every case; a non-zero exit prints the tails of the processes' logs first.
 */
export async function runBounded(name, { timeoutMs, onError = () => {}, onTimeout = () => {} }, body) {
  const workDir = await mkdtemp(join(tmpdir(), `shopwire-${name}-`));
  onCleanup(() => rm(workDir, { recursive: true, force: true }));
  let finishing;
  const finish = (code) =>
    (finishing ??= (async () => {
      if (code !== 0) await printLogTails(workDir).catch(() => undefined);
      await runCleanups();
      process.exit(code);
    })());
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`${name}: ${signal}, cleaning up`);
      void finish(130);
    });
  }
  const deadline = setTimeout(() => {
    console.error(`${name}: exceeded ${timeoutMs} ms, aborting`);
    onTimeout();
    void finish(2);
  }, timeoutMs);
  let exitCode;
  try {
    exitCode = (await body({ workDir })) ?? 0;
  } catch (error) {
    console.error(`${name}: error: ${error.stack ?? error.message}`);
    onError(error);
    exitCode = 2;
  } finally {
    clearTimeout(deadline);
  }
  await finish(exitCode);
}
