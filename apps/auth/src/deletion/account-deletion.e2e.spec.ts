import { TEST_JWT_SECRET, signTestToken } from '@shopwire/testing';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { accessTokenFor, expectMessage, login, newAccount, register } from '../testing-support/accounts.js';
import { useAuthTestApp } from '../testing-support/auth-test-app.js';

const auth = useAuthTestApp('auth_deletion');
const UNAUTHORIZED = { msg: 'Missing Authorization Header' };
const now = () => Math.floor(Date.now() / 1000);

function unsignedToken(claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

describe('POST /delete (contract §2.3)', () => {
  it.each<[string, () => Record<string, string>]>([
    ['no Authorization header', () => ({})],
    ['an empty header', () => ({ authorization: '' })],
    ['"Bearer" without a token', () => ({ authorization: 'Bearer ' })],
    ['a malformed token', () => ({ authorization: 'Bearer not.a.jwt' })],
    ['another scheme', () => ({ authorization: `Token ${signTestToken('onlymoney@gmail.com', 'owner')}` })],
    [
      'a token signed with another secret',
      () => ({ authorization: `Bearer ${signTestToken('onlymoney@gmail.com', 'owner', {}, 'x'.repeat(40))}` }),
    ],
    [
      'an expired token',
      () => ({
        authorization: `Bearer ${signTestToken('onlymoney@gmail.com', 'owner', { nbf: now() - 7300, iat: now() - 7300, exp: now() - 3700 })}`,
      }),
    ],
    [
      'a token of type "refresh"',
      () => ({ authorization: `Bearer ${signTestToken('onlymoney@gmail.com', 'owner', { type: 'refresh' })}` }),
    ],
    ['an unknown role', () => ({ authorization: `Bearer ${signTestToken('onlymoney@gmail.com', 'admin' as never)}` })],
    [
      'alg none',
      () => ({
        authorization: `Bearer ${unsignedToken({ sub: 'onlymoney@gmail.com', roles: 'owner', type: 'access', nbf: now(), exp: now() + 3600 })}`,
      }),
    ],
    [
      'HS512 with the right secret',
      () => ({
        authorization: `Bearer ${jwt.sign({ sub: 'onlymoney@gmail.com', roles: 'owner', type: 'access', nbf: now(), exp: now() + 3600 }, TEST_JWT_SECRET, { algorithm: 'HS512' })}`,
      }),
    ],
  ])('401 with %s (before the body is looked at)', async (_label, headers) => {
    const response = await auth.client.post('/delete', { anything: true }, { headers: headers() });
    expect({ status: response.status, body: response.body }).toEqual({ status: 401, body: UNAUTHORIZED });
  });

  it('answers Unknown user. for a valid token whose subject has no account', async () => {
    const token = signTestToken('nobody@example.org', 'customer');
    expectMessage(await auth.client.post('/delete', undefined, { token }), 400, 'Unknown user.');
  });

  it('deletes the account of any role; the still-valid token then gets Unknown user.', async () => {
    for (const path of ['/register_customer', '/register_courier'] as const) {
      const account = newAccount();
      await register(auth.client, account, path);
      const token = await accessTokenFor(auth.client, account.email, account.password);

      const deleted = await auth.client.post('/delete', undefined, { token });
      expect(deleted.status).toBe(200);
      expect(deleted.text).toBe('');
      expectMessage(await auth.client.post('/delete', undefined, { token }), 400, 'Unknown user.');
      expectMessage(await login(auth.client, account.email, account.password), 400, 'Invalid credentials.');
      await register(auth.client, account, path);
      expect((await login(auth.client, account.email, account.password)).status).toBe(200);
    }
  });

  it("finds the token's subject case-insensitively", async () => {
    const account = newAccount({ email: `Case.${Date.now()}@Example.org` });
    await register(auth.client, account);
    const token = signTestToken(account.email.toUpperCase(), 'customer');
    expect((await auth.client.post('/delete', undefined, { token })).status).toBe(200);
    expectMessage(await login(auth.client, account.email, account.password), 400, 'Invalid credentials.');
  });

  it('lets the owner delete itself (any role may), after which its email is free', async () => {
    const token = await accessTokenFor(auth.client, 'onlymoney@gmail.com', 'evenmoremoney');
    expect((await auth.client.post('/delete', {}, { token })).status).toBe(200);
    await register(auth.client, newAccount({ email: 'onlymoney@gmail.com' }));
  });
});
