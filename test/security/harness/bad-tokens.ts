import { createHmac, generateKeyPairSync } from 'node:crypto';
import type { Role } from '@shopwire/contracts';
import { TEST_JWT_SECRET, signTestToken } from '@shopwire/testing';
import jwt from 'jsonwebtoken';

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function claims(email: string, role: Role, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const all: Record<string, unknown> = {
    sub: email,
    forename: 'Eve',
    surname: 'Mallory',
    roles: role,
    type: 'access',
    nbf: now,
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
  for (const [key, value] of Object.entries(all)) if (value === undefined) delete all[key];
  return all;
}

/** A JWT with the given header, HMAC-SHA256-signed with the shared secret whatever `alg` says. */
function hmacWithHeader(header: object, payload: object): string {
  const input = `${base64url(header)}.${base64url(payload)}`;
  return `${input}.${createHmac('sha256', TEST_JWT_SECRET).update(input).digest('base64url')}`;
}

let rsaKey: string | undefined;
const rsaPrivateKey = () =>
  (rsaKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string);

/**
 * Every way contract §1.3 says a request must be refused, as `Authorization` header values
 * (undefined: no header), for an endpoint that requires `role`.
 */
export function refusedAuthorizations(role: Role, email: string): Array<[string, string | undefined]> {
  const now = Math.floor(Date.now() / 1000);
  const valid = signTestToken(email, role);
  const [header, payload, signature] = valid.split('.');
  const otherRole: Role = role === 'customer' ? 'courier' : 'customer';
  return [
    ['no Authorization header', undefined],
    ['"Bearer" without a token', 'Bearer'],
    ['"Bearer " and spaces', 'Bearer    '],
    ['another scheme', `Basic ${valid}`],
    ['the token without a scheme', valid],
    [
      'a forged signature (other secret)',
      `Bearer ${signTestToken(email, role, {}, 'not-the-secret-0123456789abcdef0123')}`,
    ],
    [
      'a tampered signature',
      `Bearer ${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
    ],
    ['a tampered payload', `Bearer ${header}.${base64url(claims(email, 'owner'))}.${signature}`],
    ['alg "none"', `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    [
      'alg "none" with the original signature',
      `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
    ],
    ['HS512 with the right secret', `Bearer ${jwt.sign(claims(email, role), TEST_JWT_SECRET, { algorithm: 'HS512' })}`],
    ['HS384 with the right secret', `Bearer ${jwt.sign(claims(email, role), TEST_JWT_SECRET, { algorithm: 'HS384' })}`],
    ['RS256 (a key of its own)', `Bearer ${jwt.sign(claims(email, role), rsaPrivateKey(), { algorithm: 'RS256' })}`],
    [
      'RS256 declared, HMAC-signed with the secret',
      `Bearer ${hmacWithHeader({ alg: 'RS256', typ: 'JWT' }, claims(email, role))}`,
    ],
    [
      'expired beyond the 60 s leeway',
      `Bearer ${signTestToken(email, role, { nbf: now - 7200, iat: now - 7200, exp: now - 90 })}`,
    ],
    [
      'not valid before 90 s from now',
      `Bearer ${signTestToken(email, role, { nbf: now + 90, iat: now + 90, exp: now + 3690 })}`,
    ],
    ['type "refresh"', `Bearer ${signTestToken(email, role, { type: 'refresh' })}`],
    ['no type', `Bearer ${jwt.sign(claims(email, role, { type: undefined }), TEST_JWT_SECRET)}`],
    ['no sub', `Bearer ${jwt.sign(claims(email, role, { sub: undefined }), TEST_JWT_SECRET)}`],
    ['no roles', `Bearer ${jwt.sign(claims(email, role, { roles: undefined }), TEST_JWT_SECRET)}`],
    ['no exp', `Bearer ${jwt.sign(claims(email, role, { exp: undefined }), TEST_JWT_SECRET)}`],
    ['roles as an array', `Bearer ${signTestToken(email, role, { roles: [role] })}`],
    ['the wrong role', `Bearer ${signTestToken(email, role === 'owner' ? 'customer' : 'owner')}`],
    ['another wrong role', `Bearer ${signTestToken(email, role === 'owner' ? 'courier' : otherRole)}`],
    ['an unknown role', `Bearer ${signTestToken(email, role, { roles: 'admin' })}`],
    ['not a JWT', 'Bearer not.a.jwt'],
    ['two tokens', `Bearer ${valid} ${valid}`],
  ];
}

/** Tokens the contract accepts although they look borderline: inside the 60 s leeway. */
export function acceptedAuthorizations(role: Role, email: string): Array<[string, string]> {
  const now = Math.floor(Date.now() / 1000);
  return [
    ['a fresh token', `Bearer ${signTestToken(email, role)}`],
    [
      'expired 20 s ago (inside the leeway)',
      `Bearer ${signTestToken(email, role, { nbf: now - 3620, iat: now - 3620, exp: now - 20 })}`,
    ],
    [
      'valid from 20 s ahead (inside the leeway)',
      `Bearer ${signTestToken(email, role, { nbf: now + 20, iat: now + 20, exp: now + 3620 })}`,
    ],
  ];
}
