import { describe, expect, it } from 'vitest';
import { platformConfigSchema } from './base-schema.js';
import { ConfigError, loadConfig } from './load-config.js';
import { DEVELOPMENT_VAPID_KEYS, pushConfigShape, resolveVapidConfig } from './push-schema.js';

const schema = platformConfigSchema(pushConfigShape).transform((cfg, ctx) =>
  resolveVapidConfig(cfg, ctx, ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT']),
);
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32) };
// A pair that is not the committed development one (generated with npm run push:keys).
const REAL = {
  VAPID_PUBLIC_KEY: 'BIZI4er7X-vyPpzU2uwqKaxRInGn8XrcsunZ66IiD8jg9yNN3Cgb8xGKlxB-kc_KrPf9h3OeDyE3dZ2iE9Fjipo',
  VAPID_PRIVATE_KEY: Buffer.alloc(32, 7).toString('base64url'),
  VAPID_SUBJECT: 'mailto:ops@example.com',
};

describe('VAPID configuration', () => {
  it('falls back to the development pair outside production', () => {
    const config = loadConfig(schema, {});
    expect(config.VAPID_PUBLIC_KEY).toBe(DEVELOPMENT_VAPID_KEYS.publicKey);
    expect(config.VAPID_PRIVATE_KEY).toBe(DEVELOPMENT_VAPID_KEYS.privateKey);
  });

  it.each(['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const)(
    'refuses to start in production with push enabled and no %s',
    (missing) => {
      const env = { ...PRODUCTION, ...REAL, [missing]: undefined };
      expect(() => loadConfig(schema, env)).toThrow(ConfigError);
      expect(() => loadConfig(schema, env)).toThrow(new RegExp(missing));
    },
  );

  it('refuses the development pair and malformed keys in production', () => {
    expect(() =>
      loadConfig(schema, { ...PRODUCTION, ...REAL, VAPID_PUBLIC_KEY: DEVELOPMENT_VAPID_KEYS.publicKey }),
    ).toThrow(/VAPID_PUBLIC_KEY: is the development key/);
    expect(() => loadConfig(schema, { ...PRODUCTION, ...REAL, VAPID_PRIVATE_KEY: 'short' })).toThrow(
      /VAPID_PRIVATE_KEY/,
    );
    expect(() => loadConfig(schema, { ...PRODUCTION, ...REAL, VAPID_SUBJECT: 'ops@example.com' })).toThrow(
      /VAPID_SUBJECT/,
    );
  });

  it('starts in production with real keys, or with push disabled and no keys', () => {
    expect(loadConfig(schema, { ...PRODUCTION, ...REAL }).VAPID_PUBLIC_KEY).toBe(REAL.VAPID_PUBLIC_KEY);
    expect(loadConfig(schema, { ...PRODUCTION, PUSH_ENABLED: 'false' }).PUSH_ENABLED).toBe(false);
  });
});
