// A throwaway redis-server of the caller's own (never the shared one on 6379), on a free loopback
// port, that can be killed and started again on the same port to simulate an outage. Plain
// JavaScript, shared as is by scripts/lib and @shopwire/testing.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { accepts, freePort } from './ports.mjs';

export class PrivateRedis {
  /** `logFile`: where redis-server's output goes (appended); none by default. */
  static async start({ logFile } = {}) {
    const redis = new PrivateRedis(await freePort(), logFile);
    await redis.restart();
    return redis;
  }

  constructor(port, logFile) {
    this.port = port;
    this.logFile = logFile;
    this.process = undefined;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart() {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', [...args, '--daemonize', 'no'], {
      stdio: ['ignore', this.logFile ? 'pipe' : 'ignore', this.logFile ? 'pipe' : 'ignore'],
    });
    if (this.logFile) {
      const log = createWriteStream(this.logFile, { flags: 'a' });
      child.stdout.pipe(log);
      child.stderr.pipe(log);
      child.once('exit', () => log.end());
    }
    this.process = child;
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (child.exitCode !== null) throw new Error(`redis-server on port ${this.port} exited at start`);
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** SIGKILL: an abrupt outage (and, with no persistence, an empty Redis when it returns). */
  async kill() {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}
