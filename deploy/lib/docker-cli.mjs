// Running the docker CLI (and docker-compose) from the deploy scripts: one place that picks the
// binaries, forces the legacy builder (the stand-in engine has no BuildKit cache mounts to offer,
// and the project's Dockerfile needs none) and turns a non-zero exit into an error.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's CLI matches Debian's engine; fall back to whatever `docker` is on PATH. */
export const DOCKER = process.env.DOCKER ?? (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');

export function dockerEnv(extra = {}) {
  return { ...process.env, DOCKER_BUILDKIT: '0', COMPOSE_DOCKER_CLI_BUILD: '0', ...extra };
}

/**
 * Runs a command; resolves with its stdout (trimmed). `inherit` streams output to this process
 * instead (long builds); `allowFail` resolves `{ code, stdout, stderr }` instead of throwing.
 */
/** Commands still running (an interrupted test stops them before tearing the stack down). */
export const running = new Set();

export function run(command, args, { inherit = false, allowFail = false, env = dockerEnv(), input, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code) => {
      if (allowFail) return resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() });
      if (code === 0) return resolve(stdout.trim());
      reject(new Error(`${command} ${args.join(' ')} exited ${code}${stderr ? `: ${stderr.trim().slice(-2000)}` : ''}`));
    });
  });
}

export const docker = (args, options) => run(DOCKER, args, options);

export async function imageExists(tag) {
  return (await docker(['image', 'inspect', tag], { allowFail: true })).code === 0;
}

/** True when an engine answers at DOCKER_HOST (or the default socket). */
export async function engineAnswers(env = dockerEnv()) {
  return (await run(DOCKER, ['version', '--format', '{{.Server.Version}}'], { allowFail: true, env })).code === 0;
}
