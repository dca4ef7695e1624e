import { decodeJwt } from 'jose';
import { signTestToken } from '@shopwire/testing';
import { describe, expect, it } from 'vitest';
import {
  accessTokenFor,
  expectMessage,
  newAccount,
  register,
  type RegistrationPath,
} from '../testing-support/accounts.js';
import { useAuthTestApp } from '../testing-support/auth-test-app.js';

const auth = useAuthTestApp('auth_registration');
const paths: RegistrationPath[] = ['/register_customer', '/register_courier'];
const a = (n: number) => 'a'.repeat(n);

describe.each(paths)('POST %s (contract §2.1)', (path) => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no fields', {}, 'Field forename is missing.'],
    ['only forename " " (whitespace is present)', { forename: ' ' }, 'Field surname is missing.'],
    ['forename null', { ...newAccount(), forename: null }, 'Field forename is missing.'],
    ['forename ""', { ...newAccount(), forename: '' }, 'Field forename is missing.'],
    ['forename a number', { ...newAccount(), forename: 42 }, 'Field forename is missing.'],
    ['forename of 257 characters', { ...newAccount(), forename: a(257) }, 'Field forename is missing.'],
    ['surname absent', { ...newAccount(), surname: undefined }, 'Field surname is missing.'],
    ['surname of 257 characters', { ...newAccount(), surname: a(257) }, 'Field surname is missing.'],
    ['surname an object', { ...newAccount(), surname: { a: 1 } }, 'Field surname is missing.'],
    ['email absent', { ...newAccount(), email: undefined }, 'Field email is missing.'],
    ['email ""', { ...newAccount(), email: '' }, 'Field email is missing.'],
    ['email an array', { ...newAccount(), email: ['a@b.cd'] }, 'Field email is missing.'],
    ['password absent', { ...newAccount(), password: undefined }, 'Field password is missing.'],
    ['password a number', { ...newAccount(), password: 12345678 }, 'Field password is missing.'],
    [
      'password absent and email invalid',
      { ...newAccount(), email: 'x', password: null },
      'Field password is missing.',
    ],
    ['email " "', newAccount({ email: ' ' }), 'Invalid email.'],
    ['email "name"', newAccount({ email: 'name' }), 'Invalid email.'],
    ['email "name@"', newAccount({ email: 'name@' }), 'Invalid email.'],
    ['email "name@host"', newAccount({ email: 'name@host' }), 'Invalid email.'],
    ['email "name@host."', newAccount({ email: 'name@host.' }), 'Invalid email.'],
    ['email "name@host.x"', newAccount({ email: 'name@host.x' }), 'Invalid email.'],
    ['email of 257 characters', newAccount({ email: `${a(245)}@example.org` }), 'Invalid email.'],
    ['invalid email and short password', newAccount({ email: 'name', password: 'short' }), 'Invalid email.'],
    ['password of 7 characters', newAccount({ password: a(7) }), 'Invalid password.'],
    ['password of 257 characters', newAccount({ password: a(257) }), 'Invalid password.'],
    ['the owner email', newAccount({ email: 'onlymoney@gmail.com' }), 'Email already exists.'],
    ['the owner email in another case', newAccount({ email: 'OnlyMoney@Gmail.COM' }), 'Email already exists.'],
  ])('%s → 400 %s', async (_label, body, message) => {
    expectMessage(await auth.client.post(path, body), 400, message);
  });

  it.each<[string, string | undefined]>([
    ['no body at all', undefined],
    ['an empty body', ''],
    ['text that is not JSON', 'forename=Ana'],
    ['a JSON array', JSON.stringify([newAccount()])],
    ['a JSON string', '"hello"'],
    ['JSON null', 'null'],
  ])('treats %s as {} → Field forename is missing.', async (_label, raw) => {
    expectMessage(await auth.client.post(path, raw), 400, 'Field forename is missing.');
  });

  it('treats a body of another content type as {}', async () => {
    const response = await fetch(auth.url + path, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(newAccount()),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Field forename is missing.' });
  });

  it('accepts the limits: 256-character names and email, 8- and 256-character passwords, whitespace', async () => {
    await register(auth.client, newAccount({ forename: a(256), surname: a(256) }), path);
    const email256 = `${(newAccount().email.split('@')[0] + a(256)).slice(0, 244)}@example.org`;
    expect(email256).toHaveLength(256);
    await register(auth.client, newAccount({ email: email256 }), path);
    await register(auth.client, newAccount({ password: '        ' }), path);
    await register(auth.client, newAccount({ password: a(256), forename: ' ', surname: ' ' }), path);
  });

  it('refuses an email already registered, whatever its case and role', async () => {
    const account = newAccount({ email: `Taken.${Date.now()}@Example.org` });
    await register(auth.client, account, path);
    for (const other of paths) {
      expectMessage(await auth.client.post(other, account), 400, 'Email already exists.');
      const upper = { ...newAccount(), email: account.email.toUpperCase() };
      expectMessage(await auth.client.post(other, upper), 400, 'Email already exists.');
    }
  });

  it('ignores an Authorization header, valid or not, and unknown keys', async () => {
    const bogus = await auth.client.post(path, newAccount(), { headers: { authorization: 'Bearer nonsense' } });
    expect(bogus.status).toBe(200);
    const token = signTestToken('someone@example.org', 'owner');
    const withToken = await auth.client.post(path, { ...newAccount(), role: 'owner' }, { token });
    expect(withToken.status).toBe(200);
    expect(withToken.text).toBe('');
  });
});

describe('registration outcome', () => {
  it.each<[RegistrationPath, string]>([
    ['/register_customer', 'customer'],
    ['/register_courier', 'courier'],
  ])('%s creates a %s account (never an owner) that can log in', async (path, role) => {
    const account = newAccount({ forename: 'Łucja', surname: "O'Brien" });
    await register(auth.client, account, path);
    const claims = decodeJwt(await accessTokenFor(auth.client, account.email, account.password));
    expect(claims).toMatchObject({ sub: account.email, forename: 'Łucja', surname: "O'Brien", roles: role });
  });

  it('lets exactly one of two concurrent registrations of one email win (different case too)', async () => {
    for (let round = 0; round < 3; round++) {
      const email = `race-${round}-${Date.now()}@example.org`;
      const responses = await Promise.all([
        auth.client.post('/register_customer', newAccount({ email })),
        auth.client.post('/register_courier', newAccount({ email: email.toUpperCase() })),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 400]);
      expect(responses.find((r) => r.status === 400)?.body).toEqual({ message: 'Email already exists.' });
    }
  });
});
