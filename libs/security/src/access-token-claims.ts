import { isRole, type AccessTokenClaims } from '@shopwire/contracts';

/**
 * The claims a store service relies on, checked after the signature and times (contract §1.3):
 * `type` = "access", a non-empty `sub`, one known role, a numeric `exp`. Null for anything else.
 */
export function accessTokenClaims(payload: unknown): AccessTokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const claims = payload as Record<string, unknown>;
  if (claims.type !== 'access') return null;
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) return null;
  if (!isRole(claims.roles)) return null;
  if (typeof claims.exp !== 'number') return null;
  return claims as unknown as AccessTokenClaims;
}

/** The token of `Authorization: Bearer <token>` (exactly that scheme spelling); null otherwise. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || !value.startsWith('Bearer ')) return null;
  return value.slice('Bearer '.length).trim() || null;
}
