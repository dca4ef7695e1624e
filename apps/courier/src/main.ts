import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen, runHttpProcesses } from '@shopwire/http';
import { courierConfigSchema } from './courier.config.js';

const config = loadConfig(courierConfigSchema);
await runHttpProcesses({
  service: 'courier',
  logLevel: config.LOG_LEVEL,
  processes: config.HTTP_PROCESSES,
  databasePoolSize: config.DB_POOL_SIZE,
  // Imported here, not above: the primary of several processes never builds the app.
  start: async () => {
    const { createCourierApp } = await import('./create-courier-app.js');
    const app = await createCourierApp(config);
    await listen(app, 'courier', config.HOST, config.COURIER_PORT);
    return app;
  },
});
