import { signTestToken } from '@shopwire/testing';
import { describe, expect, it } from 'vitest';
import {
  accessTokenFor,
  expectMessage,
  fromClient,
  login,
  newAccount,
  register,
  type TestAccount,
} from '../testing-support/accounts.js';
import { useAuthTestApp } from '../testing-support/auth-test-app.js';

const auth = useAuthTestApp('auth_change_password', {
  LOGIN_MAX_FAILURES: '3',
  LOGIN_FAILURE_WINDOW_SECONDS: '600',
  TRUST_PROXY: 'true',
});

async function registered(path: '/register_customer' | '/register_courier' = '/register_customer') {
  const account = newAccount();
  await register(auth.client, account, path);
  return { account, token: await accessTokenFor(auth.client, account.email, account.password) };
}

const change = (token: string | undefined, body: unknown, ip = '10.9.0.1') =>
  auth.client.post('/change_password', body, {
    ...fromClient(ip),
    ...(token ? { token } : {}),
  });

const signsIn = async (account: TestAccount, password: string) =>
  (await login(auth.client, account.email, password, fromClient('10.9.9.9'))).status === 200;

describe('POST /change_password (additive, docs/api.md)', () => {
  it('answers the contract 401 without a valid token, before looking at the body', async () => {
    const { account } = await registered();
    const expired = signTestToken(account.email, 'customer', { nbf: 1, iat: 1, exp: 3601 });
    for (const token of [undefined, 'garbage', expired, signTestToken(account.email, 'customer', {}, 'x'.repeat(40))]) {
      const response = await change(token, { password: account.password, newPassword: 'another-password' });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: { msg: 'Missing Authorization Header' },
      });
    }
    expect(await signsIn(account, account.password)).toBe(true);
  });

  it('checks the body in order with exact messages, changing nothing', async () => {
    const { account, token } = await registered();
    const cases: Array<[unknown, string]> = [
      [undefined, 'Field password is missing.'],
      [{}, 'Field password is missing.'],
      [{ newPassword: 'long-enough' }, 'Field password is missing.'],
      [{ password: '', newPassword: 'long-enough' }, 'Field password is missing.'],
      [{ password: 5, newPassword: 'long-enough' }, 'Field password is missing.'],
      [{ password: account.password }, 'Field newPassword is missing.'],
      [{ password: account.password, newPassword: null }, 'Field newPassword is missing.'],
      [{ password: 'wrong', newPassword: 'short' }, 'Invalid new password.'],
      [{ password: account.password, newPassword: '1234567' }, 'Invalid new password.'],
      [{ password: account.password, newPassword: 'x'.repeat(257) }, 'Invalid new password.'],
      [{ password: 'wrong-current', newPassword: 'long-enough' }, 'Invalid credentials.'],
    ];
    for (const [body, message] of cases) expectMessage(await change(token, body, '10.9.1.1'), 400, message);
    expect(await signsIn(account, account.password)).toBe(true);
  });

  it('changes the password of every role: the old one no longer signs in, the new one does', async () => {
    for (const path of ['/register_customer', '/register_courier'] as const) {
      const { account, token } = await registered(path);
      const newPassword = '🔑 eight chars';
      const response = await change(token, { password: account.password, newPassword });
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      expectMessage(await login(auth.client, account.email, account.password), 400, 'Invalid credentials.');
      expect(await signsIn(account, newPassword)).toBe(true);
      // The token used stays valid until it expires (docs/security.md): it can change again.
      expect((await change(token, { password: newPassword, newPassword: 'third-password' })).status).toBe(200);
      expect(await signsIn(account, 'third-password')).toBe(true);
    }
    const owner = await accessTokenFor(auth.client, 'onlymoney@gmail.com', 'evenmoremoney');
    expect((await change(owner, { password: 'evenmoremoney', newPassword: 'owner-new-pass' })).status).toBe(200);
    expect(await signsIn({ ...newAccount(), email: 'onlymoney@gmail.com' }, 'owner-new-pass')).toBe(true);
  });

  it('answers Unknown user. for a token that outlived its deleted account', async () => {
    const { account, token } = await registered();
    expect((await auth.client.post('/delete', undefined, { token })).status).toBe(200);
    expectMessage(
      await change(token, { password: account.password, newPassword: 'long-enough' }),
      400,
      'Unknown user.',
    );
  });

  it('throttles wrong current passwords like logins: 429 even with the right one, per (email, client)', async () => {
    const { account, token } = await registered();
    for (let i = 0; i < 3; i++) {
      expectMessage(
        await change(token, { password: 'wrong', newPassword: 'long-enough' }, '10.9.2.1'),
        400,
        'Invalid credentials.',
      );
    }
    const blocked = await change(token, { password: account.password, newPassword: 'long-enough' }, '10.9.2.1');
    expectMessage(blocked, 429, 'Too many login attempts.');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same failures count for /login from that client: one guess budget per email and client.
    expectMessage(
      await login(auth.client, account.email, account.password, fromClient('10.9.2.1')),
      429,
      'Too many login attempts.',
    );
    expect(await signsIn(account, account.password)).toBe(true);
    expect((await change(token, { password: account.password, newPassword: 'long-enough' }, '10.9.2.2')).status).toBe(
      200,
    );
  });

  it('lets exactly one of two concurrent changes with the same current password win', async () => {
    const { account, token } = await registered();
    const answers = await Promise.all(
      ['first-new-password', 'second-new-password'].map((newPassword) =>
        change(token, { password: account.password, newPassword }, '10.9.3.1'),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    const winner = answers[0]!.status === 200 ? 'first-new-password' : 'second-new-password';
    const loser = winner === 'first-new-password' ? 'second-new-password' : 'first-new-password';
    expect(answers.find((a) => a.status === 400)!.body).toEqual({ message: 'Invalid credentials.' });
    expect(await signsIn(account, winner)).toBe(true);
    expect(await signsIn(account, loser)).toBe(false);
  });
});
