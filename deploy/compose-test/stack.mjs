// The compose project under test: a generated env file (random secrets, free host ports on
// 127.0.0.1), docker-compose 1.29 (or `docker compose` v2) on the project's docker-compose.yml,
// and what the checks need to know about its containers.
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docker, run } from '../lib/docker-cli.mjs';
import { freePort, sleep } from '../../scripts/lib/ports.mjs';
import webPush from 'web-push';

// COMPOSE_TEST_PROJECT: another name lets a second run share the engine (e.g. a failure demonstration).
export const PROJECT = process.env.COMPOSE_TEST_PROJECT ?? 'shopwire-compose-test';
export const SERVICES = ['auth-db', 'store-db', 'redis', 'auth', 'owner', 'customer', 'courier', 'realtime', 'worker', 'gateway', 'auth-gateway'];
const HOST_PORTS = ['AUTH', 'OWNER', 'CUSTOMER', 'COURIER', 'REALTIME', 'WORKER'];

function composeCommand() {
  if (process.env.COMPOSE) return process.env.COMPOSE.split(' ');
  for (const dir of (process.env.PATH ?? '').split(':')) if (existsSync(join(dir, 'docker-compose'))) return ['docker-compose'];
  return ['docker', 'compose'];
}

export class Stack {
  /**
   * `files`: the compose files, base first (the HA test adds docker-compose.ha.yml); `project`:
   * the compose project name; `services`: what must be healthy; `extraEnv`: more generated values.
   */
  constructor(root, runDir, { files = ['docker-compose.yml'], project = PROJECT, services = SERVICES, extraEnv = {} } = {}) {
    this.root = root;
    this.envFile = join(runDir, 'compose.env');
    this.command = composeCommand();
    this.files = files;
    this.project = project;
    this.services = services;
    this.extraEnv = extraEnv;
  }

  /** Random secrets and free loopback ports, written where only this run reads them. */
  async writeEnv() {
    const ports = {};
    for (const name of HOST_PORTS) ports[name] = await freePort();
    const secret = (bytes) => randomBytes(bytes).toString('base64url');
    this.env = {
      JWT_SECRET: secret(48),
      AUTH_DB_PASSWORD: secret(24),
      STORE_DB_PASSWORD: secret(24),
      ...Object.fromEntries(HOST_PORTS.map((name) => [`${name}_HOST_PORT`, ports[name]])),
      ...vapidEnv(),
      AUTH_PUBLIC_URL: `http://localhost:${ports.AUTH}`,
      OWNER_PUBLIC_URL: `http://localhost:${ports.OWNER}`,
      CUSTOMER_PUBLIC_URL: `http://localhost:${ports.CUSTOMER}`,
      COURIER_PUBLIC_URL: `http://localhost:${ports.COURIER}`,
      CORS_ORIGINS: `http://localhost:${ports.REALTIME}`,
      LOG_LEVEL: 'warn',
      // The contract tests sign in as the contract's owner: this stack alone allows its password.
      OWNER_EMAIL: 'onlymoney@gmail.com',
      OWNER_PASSWORD: 'evenmoremoney',
      OWNER_ALLOW_WELL_KNOWN_PASSWORD: 'true',
      ...Object.fromEntries(Object.entries(this.extraEnv).map(([key, bytes]) => [key, secret(bytes)])),
    };
    writeFileSync(this.envFile, Object.entries(this.env).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
    this.urls = Object.fromEntries(HOST_PORTS.map((name) => [name.toLowerCase(), `http://127.0.0.1:${ports[name]}`]));
  }

  compose(args, options = {}) {
    const [binary, ...prefix] = this.command;
    const files = this.files.flatMap((file) => ['-f', join(this.root, file)]);
    return run(binary, [...prefix, '-p', this.project, '--env-file', this.envFile, ...files, ...args], {
      cwd: this.root,
      ...options,
    });
  }

  /** Container ids of a service (one per replica), in replica order. */
  async containers(service) {
    const ids = await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${this.project}`,
      '--filter', `label=com.docker.compose.service=${service}`]);
    const list = ids.split('\n').filter(Boolean);
    const numbered = await Promise.all(list.map(async (id) => [Number(await docker(['inspect', '-f', '{{index .Config.Labels "com.docker.compose.container-number"}}', id])), id]));
    return numbered.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  }

  async inspect(id) {
    return JSON.parse(await docker(['inspect', id]))[0];
  }

  /** `healthy` (or exited 0 for one-shot services), else the state seen. */
  async state(id) {
    const { State } = await this.inspect(id);
    if (State.Health) return State.Health.Status;
    return State.Status === 'exited' ? `exited ${State.ExitCode}` : State.Status;
  }

  /** The containers of `services` that are not healthy, as `service: state` ([] when all are). */
  async unhealthy(services = this.services) {
    const pending = [];
    for (const service of services) {
      const ids = await this.containers(service);
      if (ids.length === 0) pending.push(`${service}: no container`);
      for (const id of ids) {
        const state = await this.state(id);
        if (state !== 'healthy') pending.push(`${service}: ${state}`);
      }
    }
    return pending;
  }

  /** Waits until every container of `services` is healthy; returns ms, throws naming the laggards. */
  async waitHealthy(services = this.services, timeoutMs = Number(process.env.COMPOSE_TEST_HEALTHY_TIMEOUT_S ?? 420) * 1000) {
    const began = Date.now();
    let pending = [];
    while (Date.now() - began < timeoutMs) {
      pending = await this.unhealthy(services);
      if (pending.length === 0) return Date.now() - began;
      await sleep(1000);
    }
    throw new Error(`not healthy after ${timeoutMs / 1000} s: ${pending.join(', ')}`);
  }

  /** The address of a container on one of the project's networks (`store`, `auth`, `edge`). */
  async address(id, network) {
    const { NetworkSettings } = await this.inspect(id);
    return NetworkSettings.Networks[`${this.project}_${network}`]?.IPAddress;
  }

  exec(id, command, options = {}) {
    return docker(['exec', id, ...command], options);
  }

  /** A SQL query in a database container, as that database's own user (output: tab-separated rows). */
  async sql(side, query) {
    const [id] = await this.containers(`${side}-db`);
    const user = `shopwire_${side}`;
    const password = this.env[`${side.toUpperCase()}_DB_PASSWORD`];
    const output = await this.exec(id, ['mariadb', '-u', user, `--password=${password}`, '-N', '-B', user, '-e', query]);
    return output.split('\n').filter(Boolean).map((line) => line.split('\t'));
  }
}

/** A fresh VAPID pair, as `npm run push:keys` prints it: production refuses push without one. */
function vapidEnv() {
  const { publicKey, privateKey } = webPush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'mailto:ops@example.org' };
}
