import { type KeyObject, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CLOCK_LEEWAY_SECONDS, isRole, type AccessTokenClaims } from '@shopwire/contracts';

/**
 * Verifies access tokens exactly as contract §1.3 requires: HS256 only (no `none`, no other
 * algorithm), valid signature, `exp`/`nbf` with 60 s leeway, `type` = "access", and the claims a
 * store service relies on. One verifier for HTTP guards and socket handshakes alike.
 */
export class JwtVerifier {
  // A KeyObject made once: given a string, jsonwebtoken first tries (and fails, throwing) to
  // parse it as a PEM public key on every verify — a large share of a small request's CPU.
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret));
  }

  /** The token's claims, or null for any token the contract says to refuse. */
  verify(token: string): AccessTokenClaims | null {
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        clockTolerance: CLOCK_LEEWAY_SECONDS,
      });
    } catch {
      return null;
    }
    if (typeof payload !== 'object' || payload === null) return null;
    const claims = payload as Record<string, unknown>;
    if (claims.type !== 'access') return null;
    if (typeof claims.sub !== 'string' || claims.sub.length === 0) return null;
    if (!isRole(claims.roles)) return null;
    if (typeof claims.exp !== 'number') return null;
    return claims as unknown as AccessTokenClaims;
  }

  /** Parses `Authorization: Bearer <token>`; null when the header is absent or malformed. */
  verifyAuthorizationHeader(header: string | undefined): AccessTokenClaims | null {
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
    const token = header.slice('Bearer '.length).trim();
    return token ? this.verify(token) : null;
  }
}
