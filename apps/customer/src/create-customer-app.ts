import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@shopwire/http';
import { openStoreDatabase } from '@shopwire/store-data';
import { CustomerAppModule } from './customer-app.module.js';
import type { CustomerConfig } from './customer.config.js';

/** Prepares the store database (create, migrate under lock) and builds the HTTP app. */
export async function createCustomerApp(config: CustomerConfig): Promise<NestFastifyApplication> {
  const dataSource = await openStoreDatabase(config.STORE_DATABASE_URL, config.DB_POOL_SIZE);
  return createHttpApp(CustomerAppModule.forRoot(config, dataSource), {
    service: 'customer',
    logLevel: config.LOG_LEVEL,
    description: 'Search, orders, order status and delivery confirmation (contract §4).',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
  });
}
