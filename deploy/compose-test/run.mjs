#!/usr/bin/env node
// `npm run compose:test`: the production path, for real — stand-in base images if needed,
// `docker-compose up --build` of the project's docker-compose.yml with generated secrets, then the
// checks (contract, live events, web page, isolation, durability, scale-out) against ports
// published on 127.0.0.1 and containers on the networks this run created; `down -v` at the end.
// Prints one line per check; exits non-zero when any fails. See docs/deploy.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Verdict } from '../../scripts/lib/verdict.mjs';
import { docker, running } from '../lib/docker-cli.mjs';
import { buildMissingImages } from '../images/images-local.mjs';
import { workedExample } from './contract.mjs';
import { checkCustomerKill, checkDatabaseRestart, checkDownUp } from './durability.mjs';
import { ensureEngine } from './engine.mjs';
import { checkInternalEndpoints } from './internal-endpoints.mjs';
import { checkIsolation } from './isolation.mjs';
import { checkScaleOut } from './scale.mjs';
import { PROJECT, Stack } from './stack.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const verdict = new Verdict('compose test');
const began = Date.now();
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(0);
const step = (text) => console.log(`compose:test [${seconds(began)} s] ${text}`);

async function timed(key, action) {
  const start = Date.now();
  const result = await action();
  verdict.note(key, seconds(start));
  return result;
}

async function main(stack) {
  step('base images');
  const built = await timed('stand-in base images (s)', buildMissingImages);
  verdict.note('stand-ins built this run', built.join(', ') || 'none (cached)');
  await stack.compose(['down', '-v', '--remove-orphans'], { allowFail: true }); // leftovers of an aborted run
  step('docker-compose build');
  await timed('docker-compose build (s)', () => stack.compose(['build'], { inherit: process.env.COMPOSE_TEST_VERBOSE === '1' }));
  step('docker-compose up -d');
  const upStart = Date.now();
  const upResult = await stack.compose(['up', '-d'], { allowFail: true });
  const upError = upResult.code === 0 ? '' : `; up exited ${upResult.code}: ${upResult.stderr.slice(-400)}`;
  const healthy = await stack.waitHealthy().then(
    () => true,
    (error) => verdict.fail('every service healthy after up', error.message + upError),
  );
  if (!healthy) return;
  verdict.check('every service healthy after up', upResult.code === 0, upError);
  verdict.note('up to all healthy (s)', seconds(upStart));
  const migrations = await Promise.all(['migrate-auth', 'migrate-store'].map(async (s) => stack.state((await stack.containers(s))[0])));
  verdict.check('migrations exited 0', migrations.every((s) => s === 'exited 0'), migrations.join(', '));

  step('contract worked example, live event, web page');
  const state = await workedExample(verdict, stack.urls);
  step('isolation');
  await checkIsolation(verdict, stack);
  step('internal endpoints: public entry vs inside the network');
  await checkInternalEndpoints(verdict, stack);
  step('durability: database restarts');
  await checkDatabaseRestart(verdict, stack, state);
  step('durability: customer crashes (SIGKILL) under traffic');
  await checkCustomerKill(verdict, stack, state);
  step('durability: down, up');
  await checkDownUp(verdict, stack, state);
  step('scale-out');
  await checkScaleOut(verdict, stack, state);
}

async function teardown(stack) {
  step('down -v');
  const down = await stack.compose(['down', '-v', '--remove-orphans'], { allowFail: true });
  const left = await docker(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${PROJECT}`], { allowFail: true });
  verdict.check('down -v removes containers, networks and volumes', down.code === 0 && left.code === 0 && left.stdout === '', down.code === 0 ? left.stdout : down.stderr.slice(-300));
}

const runDir = mkdtempSync(join(tmpdir(), 'shopwire-compose-test-'));
let engine;
let stack;
let finishing = false;
async function finish() {
  if (finishing) return;
  finishing = true;
  if (stack) await teardown(stack).catch((error) => verdict.fail('down -v', String(error)));
  await engine?.stop().catch((error) => verdict.fail('private dockerd stopped', String(error)));
  rmSync(runDir, { recursive: true, force: true });
  verdict.note('whole run (s)', seconds(began));
  if (!verdict.print()) process.exitCode = process.exitCode || 1;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    verdict.fail('the run completed', `interrupted by ${signal}`);
    for (const child of running) child.kill('SIGTERM'); // e.g. an `up` still creating containers
    await finish();
    process.exit(130);
  });
}
try {
  step('engine');
  engine = await ensureEngine();
  if (engine.env.DOCKER_HOST) process.env.DOCKER_HOST = engine.env.DOCKER_HOST;
  verdict.note('engine', engine.private ? `private dockerd, data-root ${engine.dataRoot}` : 'existing (DOCKER_HOST)');
  stack = new Stack(ROOT, runDir);
  await stack.writeEnv();
  await main(stack);
} catch (error) {
  verdict.fail('the run completed', error.stack ?? String(error));
} finally {
  await finish();
}
