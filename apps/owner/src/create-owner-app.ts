import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@shopwire/http';
import { openStoreDatabase } from '@shopwire/store-data';
import { OwnerAppModule } from './owner-app.module.js';
import type { OwnerConfig } from './owner.config.js';

/** Prepares the store database (create, migrate under lock) and builds the HTTP app. */
export async function createOwnerApp(config: OwnerConfig): Promise<NestFastifyApplication> {
  const dataSource = await openStoreDatabase(config.STORE_DATABASE_URL, config.DB_POOL_SIZE);
  return createHttpApp(OwnerAppModule.forRoot(config, dataSource), {
    service: 'owner',
    logLevel: config.LOG_LEVEL,
    description: 'Product import and sales statistics (contract §3).',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    // Multipart bodies are parsed lazily by the /update handler, i.e. after the role guard.
    configure: async (app) => {
      await app.register(
        multipart as never,
        {
          limits: { fileSize: config.UPLOAD_LIMIT_BYTES, parts: 1000 },
          throwFileSizeLimit: true,
        } as never,
      );
    },
  });
}
