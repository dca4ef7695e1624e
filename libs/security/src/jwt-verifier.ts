import type { AccessTokenClaims } from '@shopwire/contracts';
import { bearerToken } from './access-token-claims.js';
import { AccessTokenStrategy, GIVEN_TOKEN } from './access-token.strategy.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/**
 * Verifies access tokens exactly as contract §1.3 requires, through the one passport-jwt strategy
 * (`AccessTokenStrategy`) that the HTTP guard uses too: for socket handshakes and for the few
 * places that read a token outside a guarded route (the queue dashboard). Tokens it (or the
 * guard) verified are remembered in `cache` until their `exp` second.
 */
export class JwtVerifier {
  readonly strategy: AccessTokenStrategy;
  readonly cache = new VerifiedTokenCache();

  constructor(secret: string) {
    this.strategy = new AccessTokenStrategy(secret);
  }

  /** The token's claims, or null for any token the contract says to refuse. */
  verify(token: string): AccessTokenClaims | null {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const claims = this.strategy.claimsOf({ [GIVEN_TOKEN]: token });
    if (claims) this.cache.set(token, claims);
    return claims;
  }

  /** Parses `Authorization: Bearer <token>`; null when the header is absent or malformed. */
  verifyAuthorizationHeader(header: string | undefined): AccessTokenClaims | null {
    const token = bearerToken(header);
    return token ? this.verify(token) : null;
  }
}
