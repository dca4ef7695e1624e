import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import passport from 'passport';
import { JwtVerifier } from './jwt-verifier.js';
import { RoleGuard } from './role.guard.js';

/** Registers the token verifier (its passport-jwt strategy) and the global role guard for an HTTP app. */
@Module({})
export class SecurityModule {
  static forRoot(jwtSecret: string): DynamicModule {
    const verifier = new JwtVerifier(jwtSecret);
    passport.use(verifier.strategy.name, verifier.strategy);
    return {
      module: SecurityModule,
      global: true,
      providers: [
        { provide: JwtVerifier, useValue: verifier },
        { provide: APP_GUARD, useClass: RoleGuard },
      ],
      exports: [JwtVerifier],
    };
  }
}
