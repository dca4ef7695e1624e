// The Docker engine the compose test talks to: the one at DOCKER_HOST (or the default socket) when
// it answers, otherwise a private dockerd started here and stopped again by stop(). Its socket,
// exec-root and pid file live in a fresh temp dir (removed by stop()); its data-root is a cache
// kept between runs on this machine (stand-in images, build cache), ~/.cache/shopwire/docker by
// default, or a temp dir removed by stop() with COMPOSE_TEST_FRESH=1 (what a fresh machine sees).
// One run at a time per data-root: `flock` holds its lock for as long as the daemon lives. The lock's
// descriptor is inherited by dockerd and containerd, which outlive the flock process by the seconds
// they take to shut down: stop() returns only once the lock is free again, and a run that finds it
// held waits LOCK_WAIT_S for it (two suites back to back in .ci/run must not race).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEnv, engineAnswers } from '../lib/docker-cli.mjs';
import { sleep } from '../../scripts/lib/ports.mjs';

const LOCK_WAIT_S = 90;

const lockIsFree = (lock) => spawnSync('flock', ['-n', lock, 'true']).status === 0;

async function waitForLock(lock, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (lockIsFree(lock)) return true;
    await sleep(500);
  }
  return lockIsFree(lock);
}

/** Signals every process of the daemon: flock's group, and dockerd by its pid file (containerd
 * follows dockerd down). */
function signalDaemon(daemon, pidFile, signal) {
  const pids = [-daemon.pid];
  if (existsSync(pidFile)) pids.push(Number(readFileSync(pidFile, 'utf8').trim()));
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

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
  const lock = `${dataRoot}.lock`;
  const pidFile = join(runDir, 'docker.pid');
  const daemon = spawn(
    'flock',
    ['-w', String(LOCK_WAIT_S), lock, 'dockerd', '--data-root', dataRoot, '--exec-root', join(runDir, 'exec'),
      '-H', `unix://${socket}`, '--pidfile', pidFile],
    { detached: true, stdio: ['ignore', logFd, logFd] }, // own process group: stop() signals both
  );
  let exited = false;
  daemon.on('exit', () => (exited = true));
  const env = dockerEnv({ DOCKER_HOST: `unix://${socket}` });
  let started = false;

  const stop = async () => {
    if (!exited || started) {
      signalDaemon(daemon, pidFile, 'SIGTERM');
      for (let i = 0; i < 60 && !exited; i++) await sleep(500);
      if (started && !(await waitForLock(lock, 30))) {
        signalDaemon(daemon, pidFile, 'SIGKILL');
        if (!(await waitForLock(lock, 15))) throw new Error(`${lock} is still held after stopping dockerd`);
      }
    }
    rmSync(runDir, { recursive: true, force: true });
  };

  for (let i = 0; i < (LOCK_WAIT_S + 60) * 2; i++) {
    if (exited) break;
    if (existsSync(socket) && (await engineAnswers(env))) {
      started = true;
      return { env, private: true, dataRoot, stop };
    }
    await sleep(500);
  }
  const tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n');
  await stop();
  throw new Error(
    exited && !tail.trim()
      ? `another run held ${lock} for ${LOCK_WAIT_S} s (one compose test per data-root at a time)`
      : `private dockerd did not come up:\n${tail}`,
  );
}
