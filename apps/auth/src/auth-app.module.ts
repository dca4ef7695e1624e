import { type DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@shopwire/http';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from './auth.config.js';

@Module({})
export class AuthAppModule {
  static forRoot(config: AuthConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AuthAppModule,
      imports: [
        ...platformModules({ service: 'auth', logLevel: config.LOG_LEVEL, jwtSecret: config.JWT_SECRET, dataSource }),
      ],
    };
  }
}
