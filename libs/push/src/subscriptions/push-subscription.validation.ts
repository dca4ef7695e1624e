import { ECDH } from 'node:crypto';
import { Messages } from '@shopwire/contracts';
import { isP256PublicKey } from '@shopwire/config';

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
  notify: boolean;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

export const MAX_ENDPOINT_LENGTH = 2048;

const present = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The endpoint is a URL the worker will POST to, so it is an SSRF vector: only `https:` URLs on
 * the configured push-service hosts (or their subdomains) are accepted, without credentials.
 */
export function isAllowedEndpoint(endpoint: string, allowedHosts: readonly string[]): boolean {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** A subscription's p256dh must be a point on P-256 (the worker derives the payload key from it). */
function isValidKeys(p256dh: unknown, auth: unknown): boolean {
  if (!present(p256dh) || !present(auth) || !isP256PublicKey(p256dh)) return false;
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(auth) || Buffer.from(auth, 'base64url').length !== 16) return false;
  try {
    ECDH.convertKey(Buffer.from(p256dh, 'base64url'), 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

/**
 * `POST /push_subscribe` body: a browser's `PushSubscription.toJSON()` (`endpoint`, `keys`) plus an
 * optional `notify` preference. Checks in order; the first failing one decides the message.
 */
export function validatePushSubscribe(
  body: Record<string, unknown>,
  allowedHosts: readonly string[],
): Validation<PushSubscriptionInput> {
  const { endpoint, keys, notify } = body;
  if (!present(endpoint)) return { ok: false, message: Messages.fieldMissing('endpoint') };
  if (!isAllowedEndpoint(endpoint, allowedHosts)) return { ok: false, message: Messages.invalidPushEndpoint };
  if (keys === undefined || keys === null) return { ok: false, message: Messages.fieldMissing('keys') };
  const { p256dh, auth } = (typeof keys === 'object' && !Array.isArray(keys) ? keys : {}) as Record<string, unknown>;
  if (!isValidKeys(p256dh, auth)) return { ok: false, message: Messages.invalidPushKeys };
  if (notify !== undefined && typeof notify !== 'boolean') return { ok: false, message: Messages.invalidNotify };
  return {
    ok: true,
    value: { endpoint, p256dh: p256dh as string, auth: auth as string, notify: notify ?? true },
  };
}

/** `POST /push_unsubscribe` body: `{endpoint}`. */
export function validatePushUnsubscribe(body: Record<string, unknown>): Validation<string> {
  return present(body.endpoint)
    ? { ok: true, value: body.endpoint }
    : { ok: false, message: Messages.fieldMissing('endpoint') };
}
