import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@shopwire/http';
import { openStoreDatabase } from '@shopwire/store-data';
import { CourierAppModule } from './courier-app.module.js';
import type { CourierConfig } from './courier.config.js';

/** Prepares the store database (create, migrate under lock) and builds the HTTP app. */
export async function createCourierApp(config: CourierConfig): Promise<NestFastifyApplication> {
  const dataSource = await openStoreDatabase(config.STORE_DATABASE_URL, config.DB_POOL_SIZE);
  return createHttpApp(CourierAppModule.forRoot(config, dataSource), {
    service: 'courier',
    logLevel: config.LOG_LEVEL,
    description: 'Orders to deliver and pick-up (contract §5).',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
  });
}
