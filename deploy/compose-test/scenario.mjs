// What every compose end-to-end run shares (`npm run compose:test`, `npm run compose:ha-test`):
// the engine, generated secrets, the stand-in base images, `build` and `up` until healthy, the
// scenario's checks, and always `down -v` at the end (also on failure or Ctrl-C), then the
// verdict: one `ok`/`FAIL` line per check and `VERDICT: PASS|FAIL`; non-zero exit on FAIL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Verdict } from '../../scripts/lib/verdict.mjs';
import { docker, running } from '../lib/docker-cli.mjs';
import { buildMissingImages } from '../images/images-local.mjs';
import { ensureEngine } from './engine.mjs';
import { Stack } from './stack.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Why a stack did not come up, before `down -v` removes the evidence: `ps` and every log's tail. */
async function printStartupLogs(stack) {
  const ps = await stack.compose(['ps'], { allowFail: true });
  const logs = await stack.compose(['logs', '--no-color', '--tail', '25'], { allowFail: true });
  console.log(`== containers after a failed up\n${ps.stdout}\n== their last log lines\n${logs.stdout}${logs.stderr}`);
}

/**
 * Runs `scenario(verdict, stack, step)` on a stack built and started from `stackOptions` (see
 * Stack). `label` prefixes the progress lines; `title` names the verdict.
 */
export async function runComposeScenario({ label, title, stackOptions = {}, scenario }) {
  const verdict = new Verdict(title);
  const began = Date.now();
  const seconds = (since) => ((Date.now() - since) / 1000).toFixed(0);
  const step = (text) => console.log(`${label} [${seconds(began)} s] ${text}`);
  const timed = async (key, action) => {
    const start = Date.now();
    const result = await action();
    verdict.note(key, seconds(start));
    return result;
  };

  async function upHealthy(stack) {
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
    if (!healthy || upResult.code !== 0) await printStartupLogs(stack);
    if (!healthy) return false;
    verdict.check('every service healthy after up', upResult.code === 0, upError);
    verdict.note('up to all healthy (s)', seconds(upStart));
    const migrations = await Promise.all(['migrate-auth', 'migrate-store'].map(async (s) => stack.state((await stack.containers(s))[0])));
    verdict.check('migrations exited 0', migrations.every((s) => s === 'exited 0'), migrations.join(', '));
    return true;
  }

  async function teardown(stack) {
    step('down -v');
    const down = await stack.compose(['down', '-v', '--remove-orphans'], { allowFail: true });
    const left = await docker(['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${stack.project}`], { allowFail: true });
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
    stack = new Stack(ROOT, runDir, stackOptions);
    await stack.writeEnv();
    if (await upHealthy(stack)) await scenario(verdict, stack, step);
  } catch (error) {
    verdict.fail('the run completed', error.stack ?? String(error));
  } finally {
    await finish();
  }
}
