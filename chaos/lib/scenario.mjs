// Runs one chaos scenario: a bounded deadline, cleanup of everything it started (even on
// failure, Ctrl-C or the deadline), and the closing `VERDICT: PASS|FAIL` line with its numbers.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verdict } from './verdict.mjs';

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

const started = Date.now();

/** Prints a progress line prefixed with the seconds since the scenario started. */
export function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${seconds}s] ${message}`);
}

/** On failure the work dir is removed anyway, so show the end of each process's log first. */
async function printLogTails(workDir, lines = 15) {
  for (const file of (await readdir(workDir)).filter((name) => name.endsWith('.log'))) {
    const text = (await readFile(join(workDir, file), 'utf8')).trimEnd();
    if (text) console.error(`--- last lines of ${file}\n${text.split('\n').slice(-lines).join('\n')}`);
  }
}

/**
 * `body({ workDir, verdict })` runs the scenario and records checks and numbers on `verdict`.
 * The process exits 0 on PASS, 1 on FAIL, 2 when the scenario itself broke or overran.
 */
export async function runScenario(name, { timeoutMs }, body) {
  const workDir = await mkdtemp(join(tmpdir(), `shopwire-${name}-`));
  onCleanup(() => rm(workDir, { recursive: true, force: true }));
  const verdict = new Verdict(name);
  let exitCode = 2;
  const finish = async (code) => {
    if (code !== 0) await printLogTails(workDir).catch(() => undefined);
    await runCleanups();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`${name}: ${signal}, cleaning up`);
      void finish(130);
    });
  }
  const deadline = setTimeout(() => {
    console.error(`${name}: exceeded ${timeoutMs} ms, aborting`);
    verdict.fail('scenario finished within its deadline', `${timeoutMs} ms`);
    verdict.print();
    void finish(2);
  }, timeoutMs);
  try {
    log(`${name}: work dir ${workDir} (logs of the spawned processes are kept there until the end)`);
    await body({ workDir, verdict });
    exitCode = verdict.print() ? 0 : 1;
  } catch (error) {
    console.error(`${name}: scenario error: ${error.stack ?? error.message}`);
    verdict.fail('scenario ran to completion', error.message);
    verdict.print();
    exitCode = 2;
  } finally {
    clearTimeout(deadline);
  }
  await finish(exitCode);
}
