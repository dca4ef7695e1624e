import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { JwtVerifier } from './jwt-verifier.js';

const SECRET = 'unit-test-secret-0123456789abcdef0123456789';
const verifier = new JwtVerifier(SECRET);
const now = () => Math.floor(Date.now() / 1000);

function token(claims: Record<string, unknown> = {}, secret = SECRET, algorithm: jwt.Algorithm = 'HS256'): string {
  const nbf = now();
  const base = {
    sub: 'ana@example.org',
    forename: 'Ana',
    surname: 'P',
    roles: 'customer',
    type: 'access',
    nbf,
    exp: nbf + 3600,
  };
  return jwt.sign({ ...base, ...claims }, secret, { algorithm, noTimestamp: true });
}

function unsigned(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

describe('JwtVerifier (contract §1.3)', () => {
  it('accepts a valid access token and returns its claims', () => {
    expect(verifier.verify(token())?.sub).toBe('ana@example.org');
  });

  it.each([
    ['another secret', () => token({}, 'another-secret-0123456789abcdef0123456789')],
    ['HS512', () => token({}, SECRET, 'HS512')],
    ['alg none', () => unsigned({ sub: 'a@b.cd', roles: 'customer', type: 'access', exp: now() + 60 })],
    ['expired beyond leeway', () => token({ nbf: now() - 7200, exp: now() - 61 })],
    ['not yet valid beyond leeway', () => token({ nbf: now() + 120, exp: now() + 3720 })],
    ['type refresh', () => token({ type: 'refresh' })],
    ['unknown role', () => token({ roles: 'admin' })],
    ['roles as array', () => token({ roles: ['customer'] })],
    ['no sub', () => token({ sub: undefined })],
    ['garbage', () => 'not.a.token'],
  ])('refuses a token with %s', (_label, make) => {
    expect(verifier.verify(make())).toBeNull();
  });

  it('allows 60 s of clock skew', () => {
    expect(verifier.verify(token({ nbf: now() - 3630, exp: now() - 30 }))).not.toBeNull();
    expect(verifier.verify(token({ nbf: now() + 30, exp: now() + 3630 }))).not.toBeNull();
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic abc', `bearer ${token()}`])(
    'refuses the Authorization header %j',
    (header) => {
      expect(verifier.verifyAuthorizationHeader(header)).toBeNull();
    },
  );

  it('reads "Bearer <token>"', () => {
    expect(verifier.verifyAuthorizationHeader(`Bearer ${token()}`)?.roles).toBe('customer');
  });
});
