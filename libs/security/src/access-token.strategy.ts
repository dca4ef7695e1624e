import { createHash, createSecretKey } from 'node:crypto';
import { Strategy as JwtStrategy, type SecretOrKeyProvider } from 'passport-jwt';
import { CLOCK_LEEWAY_SECONDS, type AccessTokenClaims } from '@shopwire/contracts';
import { accessTokenClaims, bearerToken } from './access-token-claims.js';

/** A request as this strategy reads it: its headers, or (socket handshakes) a token given directly. */
export interface TokenBearingRequest {
  headers?: Record<string, string | string[] | undefined>;
  [GIVEN_TOKEN]?: string;
}

/** Where `claimsOf(token)` puts a token that came without a header (a Socket.IO `auth.token`). */
export const GIVEN_TOKEN = Symbol('shopwire.givenToken');

function tokenOf(request: TokenBearingRequest): string | null {
  return request[GIVEN_TOKEN] ?? bearerToken(request.headers?.authorization);
}

/**
 * passport-jwt configured as contract §1.3 requires: HS256 only (so no `none` and no other
 * algorithm), `exp`/`nbf` with 60 s leeway, then the access-token claims rule. The verify callback
 * is synchronous, so the whole strategy runs synchronously: the HTTP guard runs it through
 * passport, socket handshakes through `claimsOf`, and both give the same answer by construction.
 */
export class AccessTokenStrategy extends JwtStrategy {
  constructor(secret: string) {
    // A KeyObject made once: given a string, jsonwebtoken first tries (and fails, throwing) to
    // parse it as a PEM public key on every verify — a large share of a small request's CPU.
    const key = createSecretKey(Buffer.from(secret));
    const keyProvider: SecretOrKeyProvider = (_request, _token, done) => done(null, key as unknown as Buffer);
    super(
      {
        jwtFromRequest: tokenOf,
        secretOrKeyProvider: keyProvider,
        algorithms: ['HS256'],
        jsonWebTokenOptions: { clockTolerance: CLOCK_LEEWAY_SECONDS },
      },
      (payload: unknown, done: (error: unknown, user: AccessTokenClaims | false) => void) =>
        done(null, accessTokenClaims(payload) ?? false),
    );
    // Strategies live in passport's process-wide registry. Named after the secret, two apps in
    // one process (tests) with the same secret share an entry harmlessly and with different
    // secrets never replace each other's.
    this.name = `shopwire-access-${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`;
  }

  /**
   * Runs the strategy on one request outside passport's middleware, as passport does (a fresh
   * object on the strategy with its own outcome actions); synchronous, see the class comment.
   */
  claimsOf(request: TokenBearingRequest): AccessTokenClaims | null {
    let claims: AccessTokenClaims | null = null;
    const attempt = Object.create(this) as this;
    attempt.success = (user: AccessTokenClaims) => {
      claims = user;
    };
    attempt.fail = () => undefined;
    attempt.error = () => undefined;
    attempt.authenticate(request as never);
    return claims;
  }
}
