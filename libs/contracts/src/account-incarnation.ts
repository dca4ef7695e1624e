/**
 * Account incarnations (ADR 0017). Every account gets, at registration, an id that no earlier
 * account with the same email had: 12 lower-case hex digits of the registration time in
 * milliseconds (the auth database's clock) followed by 16 random hex digits. Fixed length, so a
 * later registration sorts after an earlier one as plain strings. The auth service puts it into the
 * token's optional `jti` (contract §1.1) as `<incarnation>.<random>`; the store side keys its
 * per-account state by (email, incarnation) and drops an older incarnation's state once it sees a
 * newer one. A token without such a `jti` (one not issued by this auth service) has no incarnation.
 */
export const NO_INCARNATION = '';
export const INCARNATION_LENGTH = 28;

const INCARNATION = /^[0-9a-f]{28}$/;
const TOKEN_ID = /^([0-9a-f]{28})\.[A-Za-z0-9_-]{1,64}$/;

export const isIncarnation = (value: string): boolean => INCARNATION.test(value);

/** The token id (`jti`) for a token of this incarnation; `random` makes each token's id distinct. */
export function tokenIdOf(incarnation: string, random: string): string {
  return `${incarnation}.${random}`;
}

/** The incarnation a token's `jti` carries, or NO_INCARNATION. */
export function incarnationOfTokenId(jti: unknown): string {
  if (typeof jti !== 'string') return NO_INCARNATION;
  const match = TOKEN_ID.exec(jti);
  return match ? match[1]! : NO_INCARNATION;
}

/** The registration time an incarnation carries (ms since the epoch). */
export function incarnationTime(incarnation: string): number {
  return isIncarnation(incarnation) ? Number.parseInt(incarnation.slice(0, 12), 16) : 0;
}
