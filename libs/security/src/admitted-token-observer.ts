import type { AccessTokenClaims } from '@shopwire/contracts';

/**
 * Told of the claims of every request RoleGuard admits, before its handler runs. Optional: an app
 * that keeps per-account state provides one (store-data's account incarnations, ADR 0017). A hook
 * of the guard rather than a Nest interceptor, because any interceptor wraps every request of the
 * app in rxjs (ADR 0028).
 */
export abstract class AdmittedTokenObserver {
  abstract admitted(claims: AccessTokenClaims): Promise<void>;
}
