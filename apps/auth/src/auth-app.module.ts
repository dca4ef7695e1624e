import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import type { DataSource } from 'typeorm';
import { AUTH_CONFIG, type AuthConfig } from './auth.config.js';
import { AccountDeletionModule } from './deletion/account-deletion.module.js';
import { LoginModule } from './login/login.module.js';
import { ChangePasswordModule } from './password-change/change-password.module.js';
import { RegistrationModule } from './registration/registration.module.js';

@Module({})
export class AuthAppModule {
  static forRoot(config: AuthConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AuthAppModule,
      // Global so that every feature module can inject AUTH_CONFIG without re-providing it.
      global: true,
      imports: [
        ...platformModules({ jwtSecret: config.JWT_SECRET, dataSource }),
        RegistrationModule,
        LoginModule,
        AccountDeletionModule,
        ChangePasswordModule,
      ],
      providers: [{ provide: AUTH_CONFIG, useValue: config }],
      exports: [AUTH_CONFIG],
    };
  }
}
