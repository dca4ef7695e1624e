// A throwaway redis-server of the scenario's own (never the shared one on 6379), on a free
// loopback port, that can be killed and started again on the same port to simulate an outage.
import { join } from 'node:path';
import { ChildProcess } from './child-process.mjs';
import { accepts, freePort, waitFor } from './ports.mjs';

export class PrivateRedis {
  static async start(workDir) {
    const port = await freePort();
    const redis = new PrivateRedis(port, workDir);
    await redis.restart();
    return redis;
  }

  constructor(port, workDir) {
    this.port = port;
    this.process = new ChildProcess(
      'redis',
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { logFile: join(workDir, 'redis.log') },
    );
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart() {
    this.process.start();
    await waitFor(`redis-server on ${this.port}`, () => accepts(this.port), { timeoutMs: 10_000, everyMs: 20 });
  }

  /** SIGKILL: an abrupt outage (and, with no persistence, an empty Redis when it returns). */
  kill() {
    return this.process.kill('SIGKILL');
  }
}
