import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { runHttpService } from '@shopwire/http';
import { authConfigSchema } from './auth.config.js';

const config = loadConfig(authConfigSchema);
await runHttpService('auth', config, config.AUTH_PORT, async () =>
  (await import('./create-auth-app.js')).createAuthApp(config),
);
