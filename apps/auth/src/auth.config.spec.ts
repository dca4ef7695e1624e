import { ConfigError, loadConfig } from '@shopwire/config';
import { describe, expect, it } from 'vitest';
import { authConfigSchema } from './auth.config.js';

const PRODUCTION_OWNER = { OWNER_EMAIL: 'boss@shop.example', OWNER_PASSWORD: 'a-real-owner-password' };

describe('auth config', () => {
  it.each([
    ['without JWT_SECRET', {}],
    ['with an empty JWT_SECRET', { JWT_SECRET: '' }],
    ['with a 31-byte JWT_SECRET', { JWT_SECRET: 'k'.repeat(31) }],
  ])('refuses to start in production %s, naming the variable', (_label, env) => {
    const load = () => loadConfig(authConfigSchema, { NODE_ENV: 'production', ...env });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/JWT_SECRET: must be a random secret of at least 32 bytes when NODE_ENV=production/);
  });

  it('starts in production with a secret of 32 bytes or more', () => {
    const secret = 'a-production-secret-of-32-bytes!';
    expect(Buffer.byteLength(secret)).toBe(32);
    expect(
      loadConfig(authConfigSchema, { ...PRODUCTION_OWNER, NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET,
    ).toBe(secret);
  });

  describe('the owner (OWNER_*, ADR 0017)', () => {
    const production = (env: Record<string, string>) =>
      loadConfig(authConfigSchema, { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32), ...env });

    it('defaults to the contract owner outside production only', () => {
      expect(loadConfig(authConfigSchema, {}).OWNER).toEqual({
        forename: 'Scrooge',
        surname: 'McDuck',
        email: 'onlymoney@gmail.com',
        password: 'evenmoremoney',
        fromEnvironment: false,
      });
      expect(() => production({})).toThrow(/OWNER_EMAIL: is required when NODE_ENV=production/);
    });

    it('takes the owner from the environment, a password or an Argon2id hash', () => {
      expect(production(PRODUCTION_OWNER).OWNER).toEqual({
        forename: 'Scrooge',
        surname: 'McDuck',
        email: PRODUCTION_OWNER.OWNER_EMAIL,
        password: PRODUCTION_OWNER.OWNER_PASSWORD,
        fromEnvironment: true,
      });
      const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
      expect(
        production({
          OWNER_EMAIL: 'boss@shop.example',
          OWNER_PASSWORD_HASH: hash,
          OWNER_FORENAME: 'Ada',
          OWNER_PASSWORD: '',
        }).OWNER,
      ).toEqual({
        forename: 'Ada',
        surname: 'McDuck',
        email: 'boss@shop.example',
        passwordHash: hash,
        fromEnvironment: true,
      });
    });

    it('refuses the well-known password in production unless OWNER_ALLOW_WELL_KNOWN_PASSWORD=true', () => {
      const wellKnown = { OWNER_EMAIL: 'onlymoney@gmail.com', OWNER_PASSWORD: 'evenmoremoney' };
      expect(() => production(wellKnown)).toThrow(/OWNER_PASSWORD: is the publicly known contract password/);
      const allowed = production({ ...wellKnown, OWNER_ALLOW_WELL_KNOWN_PASSWORD: 'true' });
      expect(allowed.OWNER).toMatchObject({ ...{ email: wellKnown.OWNER_EMAIL, password: wellKnown.OWNER_PASSWORD } });
      expect(allowed.WELL_KNOWN_OWNER_PASSWORD_ALLOWED).toBe(true);
      expect(production(PRODUCTION_OWNER).WELL_KNOWN_OWNER_PASSWORD_ALLOWED).toBe(false);
      expect(loadConfig(authConfigSchema, {}).WELL_KNOWN_OWNER_PASSWORD_ALLOWED).toBe(true);
    });

    it.each<[string, Record<string, string>, RegExp]>([
      [
        'an invalid email',
        { OWNER_EMAIL: 'boss@host', OWNER_PASSWORD: 'long-enough' },
        /OWNER_EMAIL: must be a valid email/,
      ],
      ['a password without an email', { OWNER_PASSWORD: 'long-enough' }, /OWNER_EMAIL: must be a valid email/],
      [
        'an email without a password',
        { OWNER_EMAIL: 'boss@shop.example' },
        /OWNER_PASSWORD: is required with OWNER_EMAIL/,
      ],
      [
        'a short password',
        { OWNER_EMAIL: 'boss@shop.example', OWNER_PASSWORD: 'short' },
        /OWNER_PASSWORD: must be 8 to 256/,
      ],
      [
        'both a password and a hash',
        { OWNER_EMAIL: 'boss@shop.example', OWNER_PASSWORD: 'long-enough', OWNER_PASSWORD_HASH: '$argon2id$x' },
        /OWNER_PASSWORD_HASH: set either/,
      ],
      [
        'a hash of another kind',
        { OWNER_EMAIL: 'boss@shop.example', OWNER_PASSWORD_HASH: '$2b$10$abc' },
        /must be an Argon2id PHC/,
      ],
    ])('refuses %s, naming the variable and never echoing the password', (_label, env, message) => {
      expect(() => production(env)).toThrow(message);
      expect(() => production(env)).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('long-enough') }),
      );
    });
  });

  it('has defaults for a developer machine, including the throttling limits', () => {
    const config = loadConfig(authConfigSchema, {});
    expect(config.OWNERS_FILE).toBeUndefined();
    expect(config).toMatchObject({
      AUTH_PORT: 5000,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_MAX_FAILURES_PER_IP: 100,
      REGISTRATIONS_PER_IP_PER_HOUR: 50,
    });
  });

  it.each([
    'LOGIN_MAX_FAILURES',
    'LOGIN_FAILURE_WINDOW_SECONDS',
    'LOGIN_MAX_FAILURES_PER_IP',
    'REGISTRATIONS_PER_IP_PER_HOUR',
  ])('refuses a non-positive %s', (name) => {
    expect(() => loadConfig(authConfigSchema, { [name]: '0' })).toThrow(new RegExp(name));
  });
});
