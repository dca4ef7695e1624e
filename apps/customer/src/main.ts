import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { runHttpService } from '@shopwire/http';
import { customerConfigSchema } from './customer.config.js';

const config = loadConfig(customerConfigSchema);
await runHttpService('customer', config, config.CUSTOMER_PORT, async () =>
  (await import('./create-customer-app.js')).createCustomerApp(config),
);
