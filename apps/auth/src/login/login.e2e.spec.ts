import { jwtVerify } from 'jose';
import { TEST_JWT_SECRET, signTestToken } from '@shopwire/testing';
import { describe, expect, it } from 'vitest';
import { expectMessage, login, newAccount, register } from '../testing-support/accounts.js';
import { useAuthTestApp } from '../testing-support/auth-test-app.js';

const auth = useAuthTestApp('auth_login');
const secret = new TextEncoder().encode(TEST_JWT_SECRET);

describe('POST /login (contract §2.2)', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no fields', {}, 'Field email is missing.'],
    ['email ""', { email: '', password: 'evenmoremoney' }, 'Field email is missing.'],
    ['email null', { email: null, password: 'evenmoremoney' }, 'Field email is missing.'],
    ['email a number', { email: 5, password: 'evenmoremoney' }, 'Field email is missing.'],
    ['only a password', { password: 'evenmoremoney' }, 'Field email is missing.'],
    ['only an email', { email: 'onlymoney@gmail.com' }, 'Field password is missing.'],
    ['password ""', { email: 'onlymoney@gmail.com', password: '' }, 'Field password is missing.'],
    ['password an array', { email: 'onlymoney@gmail.com', password: ['x'] }, 'Field password is missing.'],
    ['invalid email, no password', { email: 'name' }, 'Field password is missing.'],
    ['email " "', { email: ' ', password: 'evenmoremoney' }, 'Invalid email.'],
    ['email "name"', { email: 'name', password: 'evenmoremoney' }, 'Invalid email.'],
    ['email "name@"', { email: 'name@', password: 'evenmoremoney' }, 'Invalid email.'],
    ['email "name@host"', { email: 'name@host', password: 'evenmoremoney' }, 'Invalid email.'],
    ['email "name@host."', { email: 'name@host.', password: 'evenmoremoney' }, 'Invalid email.'],
    ['email "name@host.x"', { email: 'name@host.x', password: 'evenmoremoney' }, 'Invalid email.'],
    ['email of 257 characters', { email: `${'a'.repeat(245)}@example.org`, password: 'x' }, 'Invalid email.'],
    ['an unknown email', { email: 'name@host.org', password: 'evenmoremoney' }, 'Invalid credentials.'],
    ['a wrong password', { email: 'onlymoney@gmail.com', password: 'evenlessmoney' }, 'Invalid credentials.'],
    [
      'the password in another case',
      { email: 'onlymoney@gmail.com', password: 'EVENMOREMONEY' },
      'Invalid credentials.',
    ],
    ['a whitespace password', { email: 'onlymoney@gmail.com', password: ' ' }, 'Invalid credentials.'],
  ])('%s → 400 %s', async (_label, body, message) => {
    expectMessage(await auth.client.post('/login', body), 400, message);
  });

  it.each<[string, string | undefined]>([
    ['no body', undefined],
    ['invalid JSON', '{"email": '],
    ['a JSON array', '[{"email":"onlymoney@gmail.com","password":"evenmoremoney"}]'],
    ['JSON true', 'true'],
  ])('treats %s as {} → Field email is missing.', async (_label, raw) => {
    expectMessage(await auth.client.post('/login', raw), 400, 'Field email is missing.');
  });

  it('issues exactly {"accessToken"} carrying exactly the §1.1 claims (verified with jose)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await login(auth.client, 'onlymoney@gmail.com', 'evenmoremoney');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(response.body)).toEqual(['accessToken']);

    const { payload, protectedHeader } = await jwtVerify(response.body.accessToken, secret, { algorithms: ['HS256'] });
    expect(protectedHeader.alg).toBe('HS256');
    const nbf = payload.nbf as number;
    // Exactly these claims: no aud, no password, nothing else (iat = nbf). The optional jti of
    // §1.1 is a string: the account's incarnation and a per-token part (ADR 0017).
    expect(payload).toEqual({
      sub: 'onlymoney@gmail.com',
      forename: 'Scrooge',
      surname: 'McDuck',
      roles: 'owner',
      type: 'access',
      nbf,
      iat: nbf,
      exp: nbf + 3600,
      jti: expect.any(String),
    });
    const [row] = await auth.dataSource.query('SELECT incarnation FROM accounts WHERE email = ?', [
      'onlymoney@gmail.com',
    ]);
    expect(payload.jti).toMatch(new RegExp(`^${row.incarnation}\\.[A-Za-z0-9_-]+$`));
    expect(Number.isInteger(nbf)).toBe(true);
    expect(nbf).toBeGreaterThanOrEqual(before);
    expect(nbf).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(JSON.stringify(payload)).not.toContain('evenmoremoney');
  });

  it('compares emails case-insensitively; sub is the email as registered', async () => {
    const account = newAccount({ email: `Mixed.Case.${Date.now()}@Example.ORG` });
    await register(auth.client, account, '/register_courier');
    for (const email of [account.email, account.email.toLowerCase(), account.email.toUpperCase()]) {
      const response = await login(auth.client, email, account.password);
      expect(response.status).toBe(200);
      const { payload } = await jwtVerify(response.body.accessToken, secret, { algorithms: ['HS256'] });
      expect(payload).toMatchObject({ sub: account.email, roles: 'courier', forename: 'Ana', surname: 'Petrovic' });
    }
  });

  it('ignores an Authorization header, valid or not', async () => {
    for (const authorization of ['Bearer garbage', `Bearer ${signTestToken('x@y.org', 'customer')}`, 'Basic abc']) {
      const response = await login(auth.client, 'onlymoney@gmail.com', 'evenmoremoney', { headers: { authorization } });
      expect(response.status).toBe(200);
    }
  });
});
