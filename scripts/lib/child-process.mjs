// A long-running child process with its output in a log file, that can be killed (any signal)
// and started again with the same command. Every child is killed at the end of the scenario.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { onCleanup } from './lifecycle.mjs';

export class ChildProcess {
  constructor(name, command, args, { env = process.env, logFile }) {
    this.name = name;
    this.command = command;
    this.args = args;
    this.env = env;
    this.logFile = logFile;
    this.child = undefined;
    onCleanup(() => this.kill('SIGKILL'));
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid() {
    return this.child?.pid;
  }

  start() {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(this.command, this.args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.pipe(log);
    this.child.stderr.pipe(log);
    this.child.once('exit', () => log.end());
  }

  /** Sends `signal` and waits (at most 15 s) for the process to exit. */
  async kill(signal = 'SIGTERM') {
    const child = this.child;
    if (!this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
