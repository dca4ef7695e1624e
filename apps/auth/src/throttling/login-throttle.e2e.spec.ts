import { describe, expect, it } from 'vitest';
import { expectMessage, fromClient, login, newAccount, register } from '../testing-support/accounts.js';
import { useAuthTestApp } from '../testing-support/auth-test-app.js';

// Small limits so the test reaches them quickly; TRUST_PROXY lets X-Forwarded-For play several clients.
const auth = useAuthTestApp('auth_login_throttle', {
  LOGIN_MAX_FAILURES: '3',
  LOGIN_MAX_FAILURES_PER_IP: '6',
  LOGIN_FAILURE_WINDOW_SECONDS: '600',
  TRUST_PROXY: 'true',
});

async function failLogins(email: string, ip: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    expectMessage(await login(auth.client, email, 'wrong-password', fromClient(ip)), 400, 'Invalid credentials.');
  }
}

describe('POST /login brute-force protection (contract §8)', () => {
  it('blocks an (email, client) pair after LOGIN_MAX_FAILURES failures with 429 and Retry-After', async () => {
    const account = newAccount();
    await register(auth.client, account);
    await failLogins(account.email, '10.0.0.1', 3);

    const blocked = await login(auth.client, account.email.toUpperCase(), account.password, fromClient('10.0.0.1'));
    expectMessage(blocked, 429, 'Too many login attempts.');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);

    // Other clients, and other emails from this client, are unaffected.
    expect((await login(auth.client, account.email, account.password, fromClient('10.0.0.2'))).status).toBe(200);
    const other = newAccount();
    await register(auth.client, other);
    expect((await login(auth.client, other.email, other.password, fromClient('10.0.0.1'))).status).toBe(200);
  });

  it('still answers validation errors with their 400 while blocked', async () => {
    const email = 'blocked.validation@example.org';
    await failLogins(email, '10.0.1.1', 3);
    expectMessage(
      await auth.client.post('/login', { email }, fromClient('10.0.1.1')),
      400,
      'Field password is missing.',
    );
    expectMessage(
      await auth.client.post('/login', { email: 'name@host', password: 'x' }, fromClient('10.0.1.1')),
      400,
      'Invalid email.',
    );
    expectMessage(
      await login(auth.client, email, 'wrong-password', fromClient('10.0.1.1')),
      429,
      'Too many login attempts.',
    );
  });

  it('clears the pair on success: failures below the limit never add up across successes', async () => {
    const account = newAccount();
    await register(auth.client, account);
    for (let round = 0; round < 3; round++) {
      await failLogins(account.email, '10.0.2.1', 2);
      expect((await login(auth.client, account.email, account.password, fromClient('10.0.2.1'))).status).toBe(200);
    }
  });

  it('caps failures per client across emails (LOGIN_MAX_FAILURES_PER_IP)', async () => {
    for (let i = 0; i < 3; i++) await failLogins(`spray-${i}@example.org`, '10.0.3.1', 2);
    expectMessage(
      await login(auth.client, 'spray-new@example.org', 'wrong-password', fromClient('10.0.3.1')),
      429,
      'Too many login attempts.',
    );
    expectMessage(
      await login(auth.client, 'spray-new@example.org', 'wrong-password', fromClient('10.0.3.2')),
      400,
      'Invalid credentials.',
    );
  });

  it('never throttles successful logins: 200 in a row from one client', async () => {
    const account = newAccount();
    await register(auth.client, account);
    const ip = '10.0.4.1';
    for (let batch = 0; batch < 20; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => login(auth.client, account.email, account.password, fromClient(ip))),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    }
    // ~3 s on an idle machine (Argon2id per login); generous for a shared, loaded CI box.
  }, 120_000);
});
