import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessTokenClaims, Role } from '@shopwire/contracts';
import { JwtVerifier } from './jwt-verifier.js';
import { UnauthorizedError } from './unauthorized.error.js';

const ROLES_KEY = 'shopwire:roles';

/** Marks a handler (or controller) as requiring a token with one of these roles. */
export const RequireRole = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

interface RequestWithClaims {
  headers: Record<string, string | string[] | undefined>;
  claims?: AccessTokenClaims;
}

/**
 * Global guard: handlers without @RequireRole are public; others need a valid access token whose
 * `roles` is one of those listed. Every failure is the same UnauthorizedError (contract §1.3).
 */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<RequestWithClaims>();
    const header = request.headers.authorization;
    const claims = this.verifier.verifyAuthorizationHeader(Array.isArray(header) ? header[0] : header);
    if (!claims || !roles.includes(claims.roles)) throw new UnauthorizedError();
    request.claims = claims;
    return true;
  }
}

/** The verified token claims of the current request (only on @RequireRole handlers). */
export const Claims = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<RequestWithClaims>();
  if (!request.claims) throw new UnauthorizedError();
  return request.claims;
});
