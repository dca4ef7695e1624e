import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET, platformConfigSchema, port } from './base-schema.js';
import { ConfigError, loadConfig } from './load-config.js';

const schema = platformConfigSchema({ EXAMPLE_PORT: port(5999) });

describe('platform config', () => {
  it('runs on a developer machine with no environment at all', () => {
    const config = loadConfig(schema, {});
    expect(config.NODE_ENV).toBe('development');
    expect(config.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.EXAMPLE_PORT).toBe(5999);
    expect(config.CORS_ORIGINS).toEqual(['http://localhost:5004', 'http://127.0.0.1:5004']);
  });

  it.each([
    ['missing', {}],
    ['short', { JWT_SECRET: 'short-secret' }],
    ['31 bytes', { JWT_SECRET: 'x'.repeat(31) }],
  ])('refuses to start in production with a %s secret', (_label, env) => {
    expect(() => loadConfig(schema, { NODE_ENV: 'production', ...env })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { NODE_ENV: 'production', ...env })).toThrow(/JWT_SECRET/);
  });

  it('accepts a 32-byte secret in production', () => {
    const config = loadConfig(schema, { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) });
    expect(config.JWT_SECRET).toBe('s'.repeat(32));
  });

  it('names every invalid variable in one message', () => {
    expect(() => loadConfig(schema, { EXAMPLE_PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(
      /EXAMPLE_PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*EXAMPLE_PORT/,
    );
  });
});
