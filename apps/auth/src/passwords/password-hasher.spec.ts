import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher.js';

const hasher = new PasswordHasher();

describe('PasswordHasher', () => {
  it('hashes with Argon2id at the OWASP parameters and a random salt', async () => {
    const first = await hasher.hash('evenmoremoney');
    const second = await hasher.hash('evenmoremoney');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(parseOptions(first)).toMatchObject({ algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('verifies the right password only', async () => {
    const stored = await hasher.hash('evenmoremoney');
    expect(await hasher.verify(stored, 'evenmoremoney')).toBe(true);
    expect(await hasher.verify(stored, 'EvenMoreMoney')).toBe(false);
  });

  it('answers false, not an exception, for a corrupt stored hash', async () => {
    expect(await hasher.verify('not-a-hash', 'evenmoremoney')).toBe(false);
  });

  it('spends about as long on the dummy verification as on a real one', async () => {
    const stored = await hasher.hash('evenmoremoney');
    await hasher.verifyAgainstDummy('warm-up');
    const elapsed = { real: 0, dummy: 0 };
    // CPU time of this process (argon2 runs on its libuv threads), not wall time: other processes'
    // load on a shared machine stretches wall time unevenly but leaves the work itself unchanged.
    const cpuMicros = () => {
      const { user, system } = process.cpuUsage();
      return user + system;
    };
    const time = async (kind: keyof typeof elapsed, work: () => Promise<boolean>) => {
      const start = cpuMicros();
      expect(await work()).toBe(false);
      elapsed[kind] += cpuMicros() - start;
    };
    for (let i = 0; i < 6; i++) {
      await time('real', () => hasher.verify(stored, 'wrong-password'));
      await time('dummy', () => hasher.verifyAgainstDummy('wrong-password'));
    }
    // Same algorithm and parameters: a skipped hash would make the ratio close to 0.
    expect(elapsed.dummy / elapsed.real).toBeGreaterThan(0.4);
    expect(elapsed.dummy / elapsed.real).toBeLessThan(2.5);
  });
});
