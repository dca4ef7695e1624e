import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen, runHttpProcesses } from '@shopwire/http';
import { authConfigSchema } from './auth.config.js';

const config = loadConfig(authConfigSchema);
await runHttpProcesses({
  service: 'auth',
  logLevel: config.LOG_LEVEL,
  processes: config.HTTP_PROCESSES,
  databasePoolSize: config.DB_POOL_SIZE,
  // Imported here, not above: the primary of several processes never builds the app.
  start: async () => {
    const { createAuthApp } = await import('./create-auth-app.js');
    const app = await createAuthApp(config);
    await listen(app, 'auth', config.HOST, config.AUTH_PORT);
    return app;
  },
});
