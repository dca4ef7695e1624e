import jwt from 'jsonwebtoken';
import type { Role } from '@shopwire/contracts';
import { TEST_JWT_SECRET } from './test-app.js';

/**
 * Signs an access token as the auth service would, for store-side tests that need a role
 * without running the auth service. `overrides` can break any claim on purpose.
 */
export function signTestToken(
  email: string,
  role: Role,
  overrides: Record<string, unknown> = {},
  secret = TEST_JWT_SECRET,
): string {
  const nbf = Math.floor(Date.now() / 1000);
  const claims = {
    sub: email,
    forename: 'Test',
    surname: 'User',
    roles: role,
    type: 'access',
    nbf,
    iat: nbf,
    exp: nbf + 3600,
    ...overrides,
  };
  return jwt.sign(claims, secret, { algorithm: 'HS256' });
}

/**
 * An account incarnation registered at `ms` (ADR 0017: 12 hex digits of the time, 16 random hex),
 * for tokens whose `jti` must carry one: `signTestToken(email, role, { jti: `${incarnation}.x` })`.
 */
export function testIncarnation(ms: number, random = '0123456789abcdef'): string {
  return `${ms.toString(16).padStart(12, '0')}${random}`;
}
