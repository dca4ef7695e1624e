import jwt from 'jsonwebtoken';
import passport from 'passport';
import type { AccessTokenClaims } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { AccessTokenStrategy } from './access-token.strategy.js';
import { JwtVerifier } from './jwt-verifier.js';

const SECRET = 'strategy-spec-secret-0123456789abcdef0123';
const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: object, algorithm: jwt.Algorithm = 'HS256', secret = SECRET) =>
  jwt.sign(
    { sub: 'ana@example.org', roles: 'customer', type: 'access', nbf: now(), exp: now() + 3600, ...claims },
    secret,
    {
      algorithm,
      noTimestamp: true,
    },
  );
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const strategy = new AccessTokenStrategy(SECRET);
passport.use(strategy.name, strategy);

/** What passport's own middleware (the path of the HTTP guard) makes of an Authorization header. */
function throughPassport(authorization: string | undefined): Promise<AccessTokenClaims | false> {
  return new Promise((resolve, reject) => {
    const request = { headers: { authorization } };
    passport.authenticate(strategy.name, { session: false }, (error: unknown, user: AccessTokenClaims | false) =>
      error ? reject(error) : resolve(user),
    )(request, {}, reject);
  });
}

describe('AccessTokenStrategy: one verification for HTTP (passport) and socket handshakes', () => {
  const cases: Array<[string, string | undefined, boolean]> = [
    ['a valid token', `Bearer ${sign({})}`, true],
    [
      'alg none',
      `Bearer ${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'a@b.cd', roles: 'customer', type: 'access', exp: now() + 60 })}.`,
      false,
    ],
    ['HS512', `Bearer ${sign({}, 'HS512')}`, false],
    ['another secret', `Bearer ${sign({}, 'HS256', 'x'.repeat(40))}`, false],
    ['expired beyond the leeway', `Bearer ${sign({ nbf: now() - 7200, exp: now() - 61 })}`, false],
    ['expired within the leeway', `Bearer ${sign({ nbf: now() - 3630, exp: now() - 30 })}`, true],
    ['not yet valid beyond the leeway', `Bearer ${sign({ nbf: now() + 120, exp: now() + 3720 })}`, false],
    ['a refresh token', `Bearer ${sign({ type: 'refresh' })}`, false],
    ['an unknown role', `Bearer ${sign({ roles: 'admin' })}`, false],
    ['a lower-case scheme', `bearer ${sign({})}`, false],
    ['no header', undefined, false],
  ];

  it.each(cases)('%s: passport and claimsOf agree', async (_label, header, accepted) => {
    const viaPassport = await throughPassport(header);
    const direct = strategy.claimsOf({ headers: { authorization: header } });
    expect(Boolean(viaPassport)).toBe(accepted);
    expect(direct ?? false).toEqual(viaPassport);
  });

  it('JwtVerifier remembers only tokens that passed', () => {
    const verifier = new JwtVerifier(SECRET);
    verifier.verify(sign({ type: 'refresh' }));
    expect(verifier.cache.size).toBe(0);
    const token = sign({});
    expect(verifier.verify(token)?.sub).toBe('ana@example.org');
    expect(verifier.cache.get(token)?.sub).toBe('ana@example.org');
  });

  it('names the strategy after its secret: equal secrets share a name, others never do', () => {
    expect(new AccessTokenStrategy(SECRET).name).toBe(strategy.name);
    expect(new AccessTokenStrategy(`${SECRET}!`).name).not.toBe(strategy.name);
  });
});
