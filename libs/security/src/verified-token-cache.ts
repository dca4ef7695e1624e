import { CLOCK_LEEWAY_SECONDS, type AccessTokenClaims } from '@shopwire/contracts';

/** Verified tokens kept; the oldest is dropped beyond this (~0.5 KB each). */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Access tokens already verified, keyed by the exact token string, so a client's next requests
 * skip passport and the HMAC (passport's per-request plumbing cost ~20 % of a small request's
 * CPU: ADR 0023). Only a token that passed the full verification is stored; an entry is used only
 * while the token is within its times — from `nbf` (less the leeway the verification allowed) to
 * the start of its `exp` second — after which the token goes through passport again (which still
 * accepts it for the leeway). Tokens carry no revocation, so a cached answer is the answer.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessTokenClaims>();

  constructor(
    private readonly maxEntries = VERIFIED_TOKEN_CACHE_SIZE,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    const now = this.now();
    if (now >= claims.exp * 1000) {
      this.entries.delete(token);
      return undefined;
    }
    if (typeof claims.nbf === 'number' && now < (claims.nbf - CLOCK_LEEWAY_SECONDS) * 1000) return undefined;
    return claims;
  }

  set(token: string, claims: AccessTokenClaims): void {
    if (this.now() >= claims.exp * 1000) return;
    this.entries.delete(token);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
  }

  get size(): number {
    return this.entries.size;
  }
}
