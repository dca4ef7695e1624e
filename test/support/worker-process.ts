import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, httpClient, waitFor, type HttpClient } from '@shopwire/testing';

/** The built worker: `npm run build` runs before the tests in CI. */
export const WORKER_MAIN = fileURLToPath(new URL('../../dist/apps/worker/src/main.js', import.meta.url));

export interface WorkerProcess {
  process: ChildProcess;
  health: HttpClient;
  output(): string;
  /** Sends `signal` and resolves with the exit code once it exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns the built worker as its own process on `env` and waits until /health/ready answers 200. */
export async function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  if (!existsSync(WORKER_MAIN)) {
    throw new Error(`${WORKER_MAIN} is missing: this test runs the BUILT worker; run "npm run build" first.`);
  }
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, ...env, WORKER_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const health = httpClient(`http://127.0.0.1:${port}`);
  await waitFor(
    'the worker to be ready',
    async () => {
      if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${output}`);
      return (await health.get('/health/ready').catch(() => ({ status: 0 }))).status === 200;
    },
    60_000,
  );
  return {
    process: child,
    health,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      return exited;
    },
  };
}
