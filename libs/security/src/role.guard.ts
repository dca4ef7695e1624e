import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Optional,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, type IAuthGuard } from '@nestjs/passport';
import type { AccessTokenClaims, Role } from '@shopwire/contracts';
import { bearerToken } from './access-token-claims.js';
import { AdmittedTokenObserver } from './admitted-token-observer.js';
import { JwtVerifier } from './jwt-verifier.js';
import { UnauthorizedError } from './unauthorized.error.js';

const ROLES_KEY = 'shopwire:roles';

/** Marks a handler (or controller) as requiring a token with one of these roles. */
export const RequireRole = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

interface RequestWithClaims {
  headers: Record<string, string | string[] | undefined>;
  claims?: AccessTokenClaims;
}

/** @nestjs/passport's guard for one strategy, answering every refusal with the contract's 401. */
function contractAuthGuard(strategyName: string): IAuthGuard {
  class ContractAuthGuard extends AuthGuard(strategyName) {
    override handleRequest<T>(error: unknown, claims: T): T {
      if (error || !claims) throw new UnauthorizedError();
      return claims;
    }
  }
  // Verified claims go to request.claims (read by @Claims), never to a session.
  return new ContractAuthGuard({ property: 'claims', session: false });
}

/**
 * Global guard: handlers without @RequireRole are public; others need a valid access token
 * (passport-jwt through @nestjs/passport, or the verifier's cache of tokens it already passed)
 * whose `roles` is one of those listed. Every failure is the same UnauthorizedError (contract §1.3).
 * An admitted request's claims are shown to the app's AdmittedTokenObserver, if it has one.
 */
@Injectable()
export class RoleGuard implements CanActivate {
  private readonly authenticate: IAuthGuard;

  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Optional() @Inject(AdmittedTokenObserver) private readonly observer?: AdmittedTokenObserver,
  ) {
    this.authenticate = contractAuthGuard(verifier.strategy.name);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<RequestWithClaims>();
    const token = bearerToken(request.headers.authorization);
    const cached = token ? this.verifier.cache.get(token) : undefined;
    if (cached) {
      request.claims = cached;
    } else {
      await this.authenticate.canActivate(context); // sets request.claims, or throws the 401
      if (token && request.claims) this.verifier.cache.set(token, request.claims);
    }
    if (!request.claims || !roles.includes(request.claims.roles)) throw new UnauthorizedError();
    await this.observer?.admitted(request.claims);
    return true;
  }
}

/** The verified token claims of the current request (only on @RequireRole handlers). */
export const Claims = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<RequestWithClaims>();
  if (!request.claims) throw new UnauthorizedError();
  return request.claims;
});
