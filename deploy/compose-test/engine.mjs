// The Docker engine the compose test talks to: the one at DOCKER_HOST (or the default socket) when
// it answers, otherwise a private dockerd started here and stopped again by stop(). Its socket,
// exec-root and pid file live in a fresh temp dir (removed by stop()); its data-root is a cache
// kept between runs on this machine (stand-in images, build cache), ~/.cache/shopwire/docker by
// default, or a temp dir removed by stop() with COMPOSE_TEST_FRESH=1 (what a fresh machine sees).
// One run at a time per data-root: `flock -n` holds its lock for as long as the daemon lives.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEnv, engineAnswers } from '../lib/docker-cli.mjs';
import { sleep } from '../../scripts/lib/ports.mjs';

export async function ensureEngine() {
  if (await engineAnswers()) return { env: dockerEnv(), private: false, stop: async () => {} };

  const runDir = mkdtempSync(join(tmpdir(), 'swd-'));
  const fresh = process.env.COMPOSE_TEST_FRESH === '1';
  const cache = process.env.SHOPWIRE_DOCKER_CACHE ?? join(homedir(), '.cache/shopwire/docker');
  const dataRoot = fresh ? join(runDir, 'data') : join(cache, 'data');
  mkdirSync(dataRoot, { recursive: true });
  const socket = join(runDir, 'docker.sock');
  const log = join(runDir, 'dockerd.log');
  const logFd = openSync(log, 'a');
  const daemon = spawn(
    'flock',
    ['-n', `${dataRoot}.lock`, 'dockerd', '--data-root', dataRoot, '--exec-root', join(runDir, 'exec'),
      '-H', `unix://${socket}`, '--pidfile', join(runDir, 'docker.pid')],
    { detached: true, stdio: ['ignore', logFd, logFd] }, // own process group: stop() signals both
  );
  let exited = false;
  daemon.on('exit', () => (exited = true));
  const env = dockerEnv({ DOCKER_HOST: `unix://${socket}` });

  const stop = async () => {
    if (!exited) {
      process.kill(-daemon.pid, 'SIGTERM');
      for (let i = 0; i < 60 && !exited; i++) await sleep(500);
      if (!exited) process.kill(-daemon.pid, 'SIGKILL');
    }
    rmSync(runDir, { recursive: true, force: true });
  };

  for (let i = 0; i < 120; i++) {
    if (exited) break;
    if (existsSync(socket) && (await engineAnswers(env))) return { env, private: true, dataRoot, stop };
    await sleep(500);
  }
  const tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n');
  await stop();
  throw new Error(
    exited && !tail.trim()
      ? `another run holds ${dataRoot}.lock (one compose test per data-root at a time)`
      : `private dockerd did not come up:\n${tail}`,
  );
}
