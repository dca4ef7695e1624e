import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen, runHttpProcesses } from '@shopwire/http';
import { ownerConfigSchema } from './owner.config.js';

const config = loadConfig(ownerConfigSchema);
await runHttpProcesses({
  service: 'owner',
  logLevel: config.LOG_LEVEL,
  processes: config.HTTP_PROCESSES,
  databasePoolSize: config.DB_POOL_SIZE,
  // Imported here, not above: the primary of several processes never builds the app.
  start: async () => {
    const { createOwnerApp } = await import('./create-owner-app.js');
    const app = await createOwnerApp(config);
    await listen(app, 'owner', config.HOST, config.OWNER_PORT);
    return app;
  },
});
