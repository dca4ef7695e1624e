import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen, runHttpProcesses } from '@shopwire/http';
import { customerConfigSchema } from './customer.config.js';

const config = loadConfig(customerConfigSchema);
await runHttpProcesses({
  service: 'customer',
  logLevel: config.LOG_LEVEL,
  processes: config.HTTP_PROCESSES,
  databasePoolSize: config.DB_POOL_SIZE,
  // Imported here, not above: the primary of several processes never builds the app.
  start: async () => {
    const { createCustomerApp } = await import('./create-customer-app.js');
    const app = await createCustomerApp(config);
    await listen(app, 'customer', config.HOST, config.CUSTOMER_PORT);
    return app;
  },
});
