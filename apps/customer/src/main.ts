import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen } from '@shopwire/http';
import { customerConfigSchema } from './customer.config.js';
import { createCustomerApp } from './create-customer-app.js';

const config = loadConfig(customerConfigSchema);
const app = await createCustomerApp(config);
await listen(app, 'customer', config.HOST, config.CUSTOMER_PORT);
