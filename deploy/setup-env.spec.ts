// `npm run setup:env` (scripts/setup-env.mjs) run for real in a temporary directory holding a copy
// of the repository's .env.example: the .env it writes has fresh secrets that the apps' production
// config accepts, and an existing .env is never overwritten.
import { execFile } from 'node:child_process';
import { createECDH } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadAppConfig } from '@shopwire/test-support';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/setup-env.mjs');
const GENERATED = ['JWT_SECRET', 'AUTH_DB_PASSWORD', 'STORE_DB_PASSWORD', 'GALERA_CHECK_PASSWORD', 'OWNER_PASSWORD', 'VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'];

const directories: string[] = [];
function directoryWithExample(): string {
  const directory = mkdtempSync(join(tmpdir(), 'setup-env-'));
  directories.push(directory);
  copyFileSync(join(ROOT, '.env.example'), join(directory, '.env.example'));
  return directory;
}
const setupEnv = (cwd: string) =>
  run(process.execPath, [SCRIPT], { cwd }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
const parse = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe('npm run setup:env', () => {
  it('writes .env with fresh secrets and a VAPID pair that production config accepts', async () => {
    const directory = directoryWithExample();
    const result = await setupEnv(directory);
    expect(result.code, result.stderr).toBe(0);
    const file = join(directory, '.env');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const env = parse(readFileSync(file, 'utf8'));
    const example = parse(readFileSync(join(directory, '.env.example'), 'utf8'));

    expect(Object.keys(env)).toEqual(Object.keys(example));
    for (const [name, value] of Object.entries(example)) {
      if (GENERATED.includes(name)) expect(env[name], name).not.toBe(value);
      else expect(env[name], name).toBe(value);
    }
    expect(Object.values(env).join('\n')).not.toMatch(/replace/i);
    expect(Buffer.from(env.JWT_SECRET!, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(new Set(GENERATED.map((name) => env[name])).size).toBe(GENERATED.length);
    // The private key belongs to the public one.
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(env.VAPID_PRIVATE_KEY!, 'base64url'));
    expect(ecdh.getPublicKey().toString('base64url')).toBe(env.VAPID_PUBLIC_KEY);

    const production = { ...env, NODE_ENV: 'production' };
    expect(() => loadAppConfig('auth', production)).not.toThrow();
    expect(() => loadAppConfig('worker', production)).not.toThrow();

    // It says where the owner's password is, and does not print it.
    expect(result.stdout).toContain(file);
    expect(result.stdout).toContain(`${env.OWNER_EMAIL}`);
    expect(result.stdout).not.toContain(env.OWNER_PASSWORD);
  });

  it('never overwrites an existing .env: exits 1 with a clear message, the file unchanged', async () => {
    const directory = directoryWithExample();
    const file = join(directory, '.env');
    writeFileSync(file, 'JWT_SECRET=the-operators-real-secret\n');
    const result = await setupEnv(directory);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} already exists; it was left unchanged`);
    expect(readFileSync(file, 'utf8')).toBe('JWT_SECRET=the-operators-real-secret\n');
  });

  it('generates different secrets on every run', async () => {
    const [a, b] = await Promise.all([directoryWithExample(), directoryWithExample()].map(async (directory) => {
      expect((await setupEnv(directory)).code).toBe(0);
      return parse(readFileSync(join(directory, '.env'), 'utf8'));
    }));
    for (const name of GENERATED) expect(a![name], name).not.toBe(b![name]);
  });
});
