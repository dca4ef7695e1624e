import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { builtEntryPoint } from '@shopwire/test-support';
import { createTestDatabase, freePort, waitFor } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** PIDs of the worker processes the primary forked (Linux /proc). */
function workersOf(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? children.split(' ').map(Number) : [];
  } catch {
    return [];
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('an HTTP service in two processes behind one port (HTTP_PROCESSES=2, ADR 0015)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let primary: ChildProcess;
  let port: number;
  let output = '';
  let sent = 0;

  /** POST /login {} on a fresh connection (the primary deals connections out round-robin): 400. */
  const login = (requestId: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/login',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end('{}');
    });

  /** PIDs whose request line names one of `requestIds` (request logs are flushed within 250 ms). */
  const servingPids = (requestIds: string[]) =>
    new Set(
      output
        .split('\n')
        .filter((line) => line.includes('"request completed"'))
        .map((line) => JSON.parse(line) as { pid: number; reqId: string })
        .filter((line) => requestIds.includes(line.reqId))
        .map((line) => line.pid),
    );

  /** Sends `count` logins, expects each answered, and returns the pids that served them. */
  const loginsServedBy = async (label: string, count: number) => {
    const ids = Array.from({ length: count }, (_, n) => `${label}-${n}`);
    for (const id of ids) {
      expect(await login(id)).toEqual({ status: 400, body: '{"message":"Field email is missing."}' });
      sent++;
    }
    await waitFor(`request lines of ${label}`, async () => {
      const lines = output.split('\n').filter((line) => ids.some((id) => line.includes(`"reqId":"${id}"`)));
      return lines.length === count;
    });
    return servingPids(ids);
  };

  beforeAll(async () => {
    database = await createTestDatabase('http_processes');
    port = await freePort();
    primary = spawn(process.execPath, [builtEntryPoint('auth')], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        JWT_SECRET: randomBytes(32).toString('hex'),
        AUTH_DATABASE_URL: database.url,
        AUTH_PORT: String(port),
        HTTP_PROCESSES: '2',
        OWNER_EMAIL: 'onlymoney@gmail.com',
        OWNER_PASSWORD: 'evenmoremoney',
        OWNER_ALLOW_WELL_KNOWN_PASSWORD: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (chunk) => (output += chunk));
    primary.stderr!.on('data', (chunk) => (output += chunk));
    await waitFor(
      'two worker processes listening',
      async () => {
        if (primary.exitCode !== null) throw new Error(`exited ${primary.exitCode}: ${output}`);
        return output.split('auth listening on').length - 1 === 2;
      },
      90_000,
    );
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
    await database?.drop();
  });

  it('serves from both processes, and /metrics counts the requests of both', async () => {
    const workers = workersOf(primary.pid!);
    expect(workers).toHaveLength(2);
    expect([...(await loginsServedBy('both', 12))].sort()).toEqual([...workers].sort());

    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain(`http_requests_total{method="POST",route="/login",status="400"} ${sent}`);
  });

  it('replaces a killed worker process while the other keeps serving', async () => {
    const [killed, survivor] = workersOf(primary.pid!);
    process.kill(killed, 'SIGKILL');
    await waitFor('the primary to notice', async () => output.includes('starting a replacement'));
    expect([...(await loginsServedBy('survivor', 4))]).toEqual([survivor]);

    await waitFor(
      'a replacement worker process listening',
      async () => output.split('auth listening on').length - 1 === 3,
      60_000,
    );
    const workers = workersOf(primary.pid!);
    expect(workers).toHaveLength(2);
    expect(workers).toContain(survivor);
    expect(workers).not.toContain(killed);
    expect([...(await loginsServedBy('replaced', 12))].sort()).toEqual([...workers].sort());
  }, 90_000);

  it('on SIGTERM lets a request in flight finish, then every process exits with 0', async () => {
    const workers = workersOf(primary.pid!);
    const body = '{"email":"nobody@example.org"}';
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    // Headers and half the body: the request is in a worker's hands, unfinished.
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((wait) => setTimeout(wait, 500));
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    await new Promise((wait) => setTimeout(wait, 1000));
    expect(primary.exitCode).toBeNull(); // waiting for the request in flight

    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('{"message":"Field password is missing."}');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(isRunning(pid)).toBe(false);
  }, 60_000);
});
