import { incarnationOfTokenId } from '@shopwire/contracts';
import { testIncarnation } from '@shopwire/testing';
import { decodeJwt as jwtDecode, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokenIssuer } from './access-token-issuer.js';

const SECRET = 'unit-test-secret-0123456789abcdef0123456789';
const issuer = new AccessTokenIssuer({ JWT_SECRET: SECRET });
const incarnation = testIncarnation(Date.now());
const subject = {
  email: 'Ana@Example.org',
  forename: 'Ana',
  surname: 'Petrovic',
  role: 'courier' as const,
  incarnation,
};

describe('AccessTokenIssuer (contract §1.1)', () => {
  it('signs exactly the contract claims with HS256, verifiable by an independent library', async () => {
    const now = new Date();
    const token = issuer.issue(subject, now);
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'],
    });
    const nbf = Math.floor(now.getTime() / 1000);
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toEqual({
      sub: 'Ana@Example.org',
      forename: 'Ana',
      surname: 'Petrovic',
      roles: 'courier',
      type: 'access',
      nbf,
      iat: nbf,
      exp: nbf + 3600,
      jti: expect.stringMatching(new RegExp(`^${incarnation}\\.[A-Za-z0-9_-]{12}$`)),
    });
    // Optional claim of §1.1, a string: the account's incarnation (ADR 0017) and a per-token part.
    expect(incarnationOfTokenId(payload.jti)).toBe(incarnation);
    expect(payload.jti).not.toBe(jwtDecode(issuer.issue(subject, now)).jti);
  });

  it('issues no jti for an account without an incarnation', async () => {
    const token = issuer.issue({ ...subject, incarnation: '' });
    expect(jwtDecode(token)).not.toHaveProperty('jti');
  });

  it('is refused under another secret', async () => {
    const token = issuer.issue(subject);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    await expect(
      jwtVerify(token, new TextEncoder().encode(`${SECRET}-other`), { algorithms: ['HS256'] }),
    ).rejects.toThrow();
  });
});
