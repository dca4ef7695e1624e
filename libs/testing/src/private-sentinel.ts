import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort } from './ports.js';

/** One `redis-cli`-free command over RESP: enough to ask a server or a Sentinel something. */
function command(port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error(`no reply from ${port}`)));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      // A bulk reply is complete once it holds its declared length (enough for INFO and SENTINEL).
      const bulk = /^\$(-?\d+)\r\n/.exec(reply);
      if (!bulk || Number(bulk[1]) < 0 || Buffer.byteLength(reply) >= bulk[0].length + Number(bulk[1]) + 2)
        socket.end();
    });
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
    socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A private Redis primary, one replica and one Sentinel (quorum 1, 1 s down-after) on free
 * loopback ports — a test's own, never the shared 6379 — for tests of failover through Sentinel.
 */
export class PrivateSentinelGroup {
  private readonly processes = new Map<number, ChildProcess>();
  private constructor(
    private readonly dir: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
    readonly sentinelPort: number,
    readonly name: string,
  ) {}

  static async start(name = 'test-primary'): Promise<PrivateSentinelGroup> {
    const dir = mkdtempSync(join(tmpdir(), 'shopwire-sentinel-'));
    const group = new PrivateSentinelGroup(dir, await freePort(), await freePort(), await freePort(), name);
    // Each server its own directory: a full sync writes an RDB file there.
    const data = (port: number) => {
      const own = join(dir, String(port));
      mkdirSync(own);
      return ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', own];
    };
    group.spawn(group.primaryPort, data(group.primaryPort));
    group.spawn(group.replicaPort, [...data(group.replicaPort), '--replicaof', '127.0.0.1', String(group.primaryPort)]);
    await until('the replica in sync', async () =>
      (await group.info(group.replicaPort)).includes('master_link_status:up'),
    );
    const config = join(dir, 'sentinel.conf');
    writeFileSync(
      config,
      [
        `port ${group.sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${group.primaryPort} 1`,
        `sentinel down-after-milliseconds ${name} 1000`,
        `sentinel failover-timeout ${name} 5000`,
        '',
      ].join('\n'),
    );
    group.spawn(group.sentinelPort, [config, '--sentinel']);
    await until('the Sentinel to see the replica', async () =>
      (await command(group.sentinelPort, 'SENTINEL', 'REPLICAS', name)).includes(String(group.replicaPort)),
    );
    return group;
  }

  /** The REDIS_URL form that goes through this group's Sentinel. */
  get url(): string {
    return `redis-sentinel://127.0.0.1:${this.sentinelPort}/${this.name}`;
  }

  info(port: number): Promise<string> {
    return command(port, 'INFO', 'replication');
  }

  /** The port the Sentinel currently names as primary. */
  async currentPrimaryPort(): Promise<number> {
    const reply = await command(this.sentinelPort, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', this.name);
    return Number(reply.trim().split('\r\n').at(-1));
  }

  /**
   * The primary stops answering but keeps its sockets open (SIGSTOP) — what clients see when a
   * machine vanishes — until the Sentinel promoted the replica; then it is killed for good.
   */
  async losePrimary(): Promise<void> {
    this.processes.get(this.primaryPort)?.kill('SIGSTOP');
    await until(
      'the Sentinel to promote the replica',
      async () => (await this.currentPrimaryPort()) === this.replicaPort,
    );
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawn(port: number, args: string[]): void {
    this.processes.set(port, spawn('redis-server', args, { stdio: 'ignore' }));
  }
}
