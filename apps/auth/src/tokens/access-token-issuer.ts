import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  isIncarnation,
  tokenIdOf,
  type AccessTokenClaims,
  type Role,
} from '@shopwire/contracts';
import jwt from 'jsonwebtoken';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config.js';

export interface TokenSubject {
  email: string;
  forename: string;
  surname: string;
  role: Role;
  /** The account's incarnation (ADR 0017), carried in `jti`. */
  incarnation: string;
}

/**
 * Issues the access token of contract §1.1: HS256, no `aud`, never the password. The optional
 * `jti` is `<incarnation>.<random>` (ADR 0017): the store side learns from it which registration
 * of the email the bearer is.
 */
@Injectable()
export class AccessTokenIssuer {
  constructor(@Inject(AUTH_CONFIG) private readonly config: Pick<AuthConfig, 'JWT_SECRET'>) {}

  issue(subject: TokenSubject, now: Date = new Date()): string {
    const nbf = Math.floor(now.getTime() / 1000);
    const claims: AccessTokenClaims = {
      sub: subject.email,
      forename: subject.forename,
      surname: subject.surname,
      roles: subject.role,
      type: 'access',
      nbf,
      iat: nbf,
      exp: nbf + ACCESS_TOKEN_TTL_SECONDS,
    };
    if (isIncarnation(subject.incarnation)) {
      claims.jti = tokenIdOf(subject.incarnation, randomBytes(9).toString('base64url'));
    }
    // jsonwebtoken keeps the given `iat` (= nbf); `noTimestamp` would delete it instead.
    return jwt.sign(claims, this.config.JWT_SECRET, { algorithm: 'HS256' });
  }
}
