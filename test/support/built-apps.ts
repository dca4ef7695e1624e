import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where `npm run build` puts the apps; overridable to test a build made elsewhere. */
export const DIST_DIR = resolve(process.env.SHOPWIRE_DIST_DIR ?? 'dist');

export type BuiltAppName = 'auth' | 'owner' | 'customer' | 'courier' | 'realtime' | 'worker';

export interface BuiltApp {
  name: BuiltAppName;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  stop: () => Promise<void>;
  /** SIGKILL: a crash, no shutdown hooks. */
  kill: () => Promise<void>;
}

/** The entry point of a built app; a clear instruction instead of a cryptic spawn error. */
export function builtEntryPoint(name: BuiltAppName): string {
  const entry = resolve(DIST_DIR, `apps/${name}/src/main.js`);
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`npm run build\` first (this test runs the built apps as CI does).`);
  }
  return entry;
}

async function waitUntilLive(healthUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before it was live:\n${output()}`);
    try {
      if ((await fetch(`${healthUrl}/health/live`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`not live within 30 s:\n${output()}`);
}

/** Spawns a built app as its own process (as in production) and resolves once it is live. */
export async function startBuiltApp(
  name: BuiltAppName,
  env: Record<string, string>,
  healthUrl: string,
): Promise<BuiltApp> {
  const child = spawn(process.execPath, [builtEntryPoint(name)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk));
  const output = () => Buffer.concat(chunks).toString('utf8');
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => (clearTimeout(kill), done()));
      child.kill('SIGTERM');
    });
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  };
  try {
    await waitUntilLive(healthUrl, child, output);
  } catch (error) {
    await stop();
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  return { name, output, stop, kill };
}
