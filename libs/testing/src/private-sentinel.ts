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
 * A private Redis primary, one replica and one Sentinel (quorum 1) or three (quorum 2), 1 s
 * down-after, on free loopback ports — a test's own, never the shared 6379 — for tests of failover
 * through Sentinel. After a failover the roles swap: ask `currentPrimaryPort()`.
 */
export class PrivateSentinelGroup {
  private readonly processes = new Map<number, ChildProcess>();
  private constructor(
    private readonly dir: string,
    readonly primaryPort: number,
    readonly replicaPort: number,
    readonly sentinelPorts: number[],
    readonly name: string,
  ) {}

  static async start(name = 'test-primary', sentinels: 1 | 3 = 1): Promise<PrivateSentinelGroup> {
    const dir = mkdtempSync(join(tmpdir(), 'shopwire-sentinel-'));
    const sentinelPorts: number[] = [];
    for (let i = 0; i < sentinels; i++) sentinelPorts.push(await freePort());
    const group = new PrivateSentinelGroup(dir, await freePort(), await freePort(), sentinelPorts, name);
    group.startServer(group.primaryPort);
    group.startServer(group.replicaPort, group.primaryPort);
    await group.untilReplicating(group.replicaPort);
    for (const port of sentinelPorts) {
      const config = join(dir, `sentinel-${port}.conf`); // each its own: a Sentinel rewrites it
      writeFileSync(
        config,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${group.primaryPort} ${sentinels === 1 ? 1 : 2}`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          '',
        ].join('\n'),
      );
      group.spawn(port, [config, '--sentinel']);
    }
    for (const port of sentinelPorts) {
      await until('each Sentinel to see the replica and the other Sentinels', async () => {
        const replicas = await command(port, 'SENTINEL', 'REPLICAS', name);
        const others = await command(port, 'SENTINEL', 'SENTINELS', name);
        return replicas.includes(String(group.replicaPort)) && others.startsWith(`*${sentinels - 1}\r\n`);
      });
    }
    return group;
  }

  get sentinelPort(): number {
    return this.sentinelPorts[0]!;
  }

  /** The REDIS_URL form that goes through this group's Sentinel. */
  get url(): string {
    return `redis-sentinel://${this.sentinelPorts.map((port) => `127.0.0.1:${port}`).join(',')}/${this.name}`;
  }

  info(port: number): Promise<string> {
    return command(port, 'INFO', 'replication');
  }

  /** Each data server's role and its subscriber count on `channel`, for a failure message. */
  async channelState(channel: string): Promise<string> {
    const state = async (port: number) => {
      const role = (await command(port, 'ROLE')).split('\r\n')[2] ?? '?';
      const subscribers = (await command(port, 'PUBSUB', 'NUMSUB', channel)).split('\r\n').at(-2) ?? '?';
      return `${port} ${role}, ${subscribers} subscriber(s)`;
    };
    const ports = [this.primaryPort, this.replicaPort];
    return (
      await Promise.all(ports.map((port) => state(port).catch((error: Error) => `${port}: ${error.message}`)))
    ).join('; ');
  }

  /** The port the last Sentinel currently names as primary (a test may pause the first). */
  async currentPrimaryPort(sentinelPort = this.sentinelPorts.at(-1)!): Promise<number> {
    const reply = await command(sentinelPort, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', this.name);
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

  /**
   * kill -9 of whichever server is primary now (its sockets close at once: clients start asking
   * the Sentinels while the failover runs); resolves with its port once a replica is promoted.
   */
  async killPrimary(): Promise<number> {
    const killed = await this.currentPrimaryPort();
    const child = this.processes.get(killed);
    await new Promise<void>((resolve) => {
      child!.once('exit', () => resolve());
      child!.kill('SIGKILL');
    });
    await until('the Sentinel to promote the replica', async () => (await this.currentPrimaryPort()) !== killed);
    return killed;
  }

  /** Brings a killed server back as a replica of the current primary, in sync. */
  async rejoin(port: number): Promise<void> {
    this.startServer(port, await this.currentPrimaryPort());
    await this.untilReplicating(port);
  }

  /** SIGSTOP / SIGCONT of one Sentinel: a Sentinel that answers late. */
  pauseSentinel(port: number, paused: boolean): void {
    this.processes.get(port)?.kill(paused ? 'SIGSTOP' : 'SIGCONT');
  }

  private startServer(port: number, primary?: number): void {
    // Each server its own directory: a full sync writes an RDB file there.
    const own = join(this.dir, String(port));
    mkdirSync(own, { recursive: true });
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', own];
    this.spawn(port, primary === undefined ? args : [...args, '--replicaof', '127.0.0.1', String(primary)]);
  }

  private untilReplicating(port: number): Promise<void> {
    return until('the replica in sync', async () => (await this.info(port)).includes('master_link_status:up'));
  }

  private spawn(port: number, args: string[]): void {
    this.processes.set(port, spawn('redis-server', args, { stdio: 'ignore' }));
  }
}
