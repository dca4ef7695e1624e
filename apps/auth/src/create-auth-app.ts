import { createHttpApp } from '@shopwire/http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthAppModule } from './auth-app.module.js';
import type { AuthConfig } from './auth.config.js';
import { prepareAuthDatabase } from './prepare-auth-database.js';

/** Prepares the auth database (create, migrate under lock, seed) and builds the HTTP app. */
export async function createAuthApp(config: AuthConfig): Promise<NestFastifyApplication> {
  const dataSource = await prepareAuthDatabase(config);
  return createHttpApp(AuthAppModule.forRoot(config, dataSource), {
    service: 'auth',
    logLevel: config.LOG_LEVEL,
    description: 'Accounts and access tokens (contract §2).',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
  });
}
