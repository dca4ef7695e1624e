import { z } from 'zod';
import { booleanFlag } from './base-schema.js';

/**
 * A VAPID key pair for development and tests only (like the development JWT secret): committed,
 * therefore public, therefore refused when NODE_ENV=production. Generate real ones with
 * `npm run push:keys`.
 */
export const DEVELOPMENT_VAPID_KEYS = {
  publicKey: 'BDJW6gg9vwlP52i18l6cFLTnl4chnMXoe0TBS3vc80_lxm2Cqpsnk3BuUDkSArHqGbqdToWYP62Q2k9m3NOHkFQ',
  privateKey: 'jxKdhnyzFhzVADxZlkcsLNfXIL_xyDD2TfveTWdtMgw',
} as const;
export const DEVELOPMENT_VAPID_SUBJECT = 'mailto:push@shopwire.invalid';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const decodedLength = (value: string) => (BASE64URL.test(value) ? Buffer.from(value, 'base64url').length : -1);

/** Uncompressed P-256 point (65 bytes, 0x04 first) as base64url: VAPID public key, subscription p256dh. */
export function isP256PublicKey(value: string): boolean {
  return decodedLength(value) === 65 && Buffer.from(value, 'base64url')[0] === 0x04;
}

/** Web Push fields of the apps that take part in push: the worker signs, the web page subscribes. */
export const pushConfigShape = {
  /** Off: the worker sends nothing and the keys are not required. */
  PUSH_ENABLED: booleanFlag(true),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  /** Contact the push services may use (RFC 8292 `sub`): `mailto:` or `https:` URL. */
  VAPID_SUBJECT: z.string().optional(),
};

type PushFields = { NODE_ENV: string; PUSH_ENABLED: boolean } & {
  [K in 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT']?: string;
};
export type VapidKeyName = 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT';

const DEVELOPMENT_VALUES: Record<VapidKeyName, string> = {
  VAPID_PUBLIC_KEY: DEVELOPMENT_VAPID_KEYS.publicKey,
  VAPID_PRIVATE_KEY: DEVELOPMENT_VAPID_KEYS.privateKey,
  VAPID_SUBJECT: DEVELOPMENT_VAPID_SUBJECT,
};

const FORMAT: Record<VapidKeyName, [(value: string) => boolean, string]> = {
  VAPID_PUBLIC_KEY: [isP256PublicKey, 'must be a base64url P-256 public key (npm run push:keys)'],
  VAPID_PRIVATE_KEY: [(v) => decodedLength(v) === 32, 'must be a base64url 32-byte private key (npm run push:keys)'],
  VAPID_SUBJECT: [(v) => /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(v), 'must be a mailto: or https: URL'],
};

/**
 * The VAPID rule, applied after an app's schema: outside production a missing key falls back to
 * the development pair; in production with push enabled each key the app `needs` must be set,
 * well-formed and not the development one, or the process refuses to start.
 */
export function resolveVapidConfig<T extends PushFields>(
  cfg: T,
  ctx: z.RefinementCtx,
  needs: readonly VapidKeyName[],
): T & Record<VapidKeyName, string> {
  const production = cfg.NODE_ENV === 'production';
  const resolved = { ...cfg } as T & Record<VapidKeyName, string>;
  for (const name of needs) {
    const value = cfg[name] ?? (production ? undefined : DEVELOPMENT_VALUES[name]);
    const [valid, rule] = FORMAT[name];
    if (value === undefined || value.length === 0) {
      if (cfg.PUSH_ENABLED)
        ctx.addIssue({ code: 'custom', path: [name], message: `is required when PUSH_ENABLED (${rule})` });
      continue;
    }
    if (!valid(value)) ctx.addIssue({ code: 'custom', path: [name], message: rule });
    else if (production && cfg.PUSH_ENABLED && name !== 'VAPID_SUBJECT' && value === DEVELOPMENT_VALUES[name]) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'is the development key: generate one with npm run push:keys',
      });
    }
    resolved[name] = value;
  }
  return resolved;
}
