import { ConfigError, loadConfig } from '@shopwire/config';
import { describe, expect, it } from 'vitest';
import { authConfigSchema } from './auth.config.js';

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
    expect(loadConfig(authConfigSchema, { NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
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
