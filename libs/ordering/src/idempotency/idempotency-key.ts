import { IdempotencyKeyInvalidError } from '../errors.js';

/** 1–255 printable ASCII characters (space to tilde), contract §8. */
const KEY_RULE = /^[\x20-\x7e]{1,255}$/;

/**
 * The `Idempotency-Key` header of a request: undefined when absent (the core contract applies),
 * the key when valid, otherwise `IdempotencyKeyInvalidError` (a repeated header counts as invalid).
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_RULE.test(header)) throw new IdempotencyKeyInvalidError();
  return header;
}
