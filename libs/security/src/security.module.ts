import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtVerifier } from './jwt-verifier.js';
import { RoleGuard } from './role.guard.js';

/** Registers the token verifier and the global role guard for an HTTP app. */
@Module({})
export class SecurityModule {
  static forRoot(jwtSecret: string): DynamicModule {
    return {
      module: SecurityModule,
      global: true,
      providers: [
        { provide: JwtVerifier, useValue: new JwtVerifier(jwtSecret) },
        { provide: APP_GUARD, useClass: RoleGuard },
      ],
      exports: [JwtVerifier],
    };
  }
}
