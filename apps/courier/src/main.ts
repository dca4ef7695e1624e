import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { runHttpService } from '@shopwire/http';
import { courierConfigSchema } from './courier.config.js';

const config = loadConfig(courierConfigSchema);
await runHttpService('courier', config, config.COURIER_PORT, async () =>
  (await import('./create-courier-app.js')).createCourierApp(config),
);
