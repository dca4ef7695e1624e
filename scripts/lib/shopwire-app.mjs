// One built shopwire app (dist/apps/<name>/src/main.js) as its own process on a free port,
// as it runs in production: can be SIGKILLed and started again on the same port.
/* global AbortSignal */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChildProcess } from './child-process.mjs';
import { freePort, sleep } from './ports.mjs';
import { DEVELOPMENT_JWT_SECRET } from './tokens.mjs';

/** Where the built apps are: DIST (default `dist`, i.e. after `npm run build`). */
export const DIST = resolve(process.env.DIST ?? 'dist');

const PORT_VARIABLES = {
  auth: 'AUTH_PORT',
  customer: 'CUSTOMER_PORT',
  courier: 'COURIER_PORT',
  owner: 'OWNER_PORT',
  realtime: 'REALTIME_PORT',
  worker: 'WORKER_PORT',
};

/**
 * Node flags an app runs with, here as in its image (the Dockerfile stage's NODE_OPTIONS; a deploy
 * spec keeps the two equal). realtime: V8's young generation capped at Node 20's size, since the
 * sockets' state is long-lived and Node 24's 64 MB semi-spaces only add resident memory
 * (docs/benchmarks.md, Realtime).
 */
export const APP_NODE_FLAGS = { realtime: ['--max-semi-space-size=16'] };

export class ShopwireApp {
  /**
   * `env` holds STORE_DATABASE_URL, REDIS_URL and any app-specific settings (they override the
   * defaults below, NODE_ENV and JWT_SECRET included); `port` defaults to a free one; `dist`
   * (default DIST) is the build to run, e.g. another commit's for an A/B benchmark.
   */
  static async start(name, env, workDir, { port, dist = DIST } = {}) {
    const app = new ShopwireApp(name, port ?? (await freePort()), env, workDir, dist);
    await app.restart();
    return app;
  }

  constructor(name, port, env, workDir, dist = DIST) {
    const main = join(dist, 'apps', name, 'src', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} not found: run \`npm run build\` first (or set DIST)`);
    this.name = name;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    const args = ['--enable-source-maps', ...(APP_NODE_FLAGS[name] ?? []), main];
    this.process = new ChildProcess(name, process.execPath, args, {
      logFile: join(workDir, `${name}.log`),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: process.env.CHAOS_APP_LOG_LEVEL ?? 'warn',
        HOST: '127.0.0.1',
        JWT_SECRET: DEVELOPMENT_JWT_SECRET,
        [PORT_VARIABLES[name]]: String(port),
        ...env,
      },
    });
  }

  get pid() {
    return this.process.pid;
  }

  /** Starts the process and resolves when /health/ready answers 200; returns the time it took. */
  async restart({ timeoutMs = 60_000 } = {}) {
    const began = Date.now();
    this.process.start();
    for (;;) {
      if (!this.process.running) throw new Error(`${this.name} exited during start (see ${this.process.logFile})`);
      if (await this.isReady()) return Date.now() - began;
      if (Date.now() - began > timeoutMs) throw new Error(`${this.name} not ready after ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  async isReady() {
    try {
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(3000) });
      return response.status === 200;
    } catch {
      return false;
    }
  }

  kill(signal = 'SIGKILL') {
    return this.process.kill(signal);
  }

  stop() {
    return this.process.kill('SIGTERM');
  }
}
