import type { Role } from './roles.js';

/** Claims of the access token (contract §1.1). */
export interface AccessTokenClaims {
  sub: string;
  forename: string;
  surname: string;
  roles: Role;
  type: 'access';
  nbf: number;
  exp: number;
  iat?: number;
  jti?: string;
}

/** Token lifetime: `exp = nbf + 3600`. */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;
/** Accepted clock skew when verifying `exp`/`nbf` (contract §1.3). */
export const CLOCK_LEEWAY_SECONDS = 60;
