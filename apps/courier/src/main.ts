import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen } from '@shopwire/http';
import { courierConfigSchema } from './courier.config.js';
import { createCourierApp } from './create-courier-app.js';

const config = loadConfig(courierConfigSchema);
const app = await createCourierApp(config);
await listen(app, 'courier', config.HOST, config.COURIER_PORT);
