import { JwtVerifier } from '@shopwire/security';
import { TEST_JWT_SECRET, signTestToken, testIncarnation } from '@shopwire/testing';
import { describe, expect, it } from 'vitest';
import { authenticateHandshake } from './handshake-auth.js';

const verifier = new JwtVerifier(TEST_JWT_SECRET);
const verify = (token: string) => verifier.verify(token);
const customer = signTestToken('Ana@Example.org', 'customer');

describe('authenticateHandshake', () => {
  it('accepts a customer token and keeps the resume point', () => {
    const outcome = authenticateHandshake({ auth: { token: customer, lastEventId: 12 } }, verify);
    expect(outcome).toMatchObject({ ok: true, data: { email: 'Ana@Example.org', role: 'customer', lastEventId: 12 } });
  });

  it('accepts a courier token from the Authorization header, without a resume point', () => {
    const token = signTestToken('bob@example.org', 'courier');
    const outcome = authenticateHandshake({ auth: {}, authorization: `Bearer ${token}` }, verify);
    expect(outcome).toMatchObject({ ok: true, data: { role: 'courier', lastEventId: undefined } });
  });

  it('keeps the account incarnation of the token’s jti (ADR 0017), none without one', () => {
    const incarnation = testIncarnation(Date.now());
    const token = signTestToken('ana@example.org', 'customer', { jti: `${incarnation}.abc` });
    expect(authenticateHandshake({ auth: { token } }, verify)).toMatchObject({ ok: true, data: { incarnation } });
    expect(authenticateHandshake({ auth: { token: customer } }, verify)).toMatchObject({
      ok: true,
      data: { incarnation: '' },
    });
  });

  it('accepts an owner token (statistics signals only)', () => {
    const outcome = authenticateHandshake({ auth: { token: signTestToken('onlymoney@gmail.com', 'owner') } }, verify);
    expect(outcome).toMatchObject({ ok: true, data: { role: 'owner' } });
  });

  it.each([
    ['no auth at all', undefined, 'missing token'],
    ['an empty token', { token: '' }, 'missing token'],
    ['a token of another type', { token: 42 }, 'missing token'],
    ['a bad signature', { token: signTestToken('a@b.cd', 'customer', {}, 'x'.repeat(40)) }, 'invalid or expired token'],
    [
      'an expired token',
      { token: signTestToken('a@b.cd', 'customer', { nbf: 1, exp: 3601 }) },
      'invalid or expired token',
    ],
    [
      'a refresh token',
      { token: signTestToken('a@b.cd', 'customer', { type: 'refresh' }) },
      'invalid or expired token',
    ],
  ])('refuses %s as unauthorized', (_label, auth, reason) => {
    expect(authenticateHandshake({ auth }, verify)).toEqual({ ok: false, message: 'unauthorized', reason });
  });

  it.each([-1, 1.5, '12', Number.MAX_VALUE])('refuses lastEventId %j', (lastEventId) => {
    expect(authenticateHandshake({ auth: { token: customer, lastEventId } }, verify)).toMatchObject({
      ok: false,
      message: 'invalid lastEventId',
    });
  });
});
