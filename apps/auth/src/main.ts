import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen } from '@shopwire/http';
import { authConfigSchema } from './auth.config.js';
import { createAuthApp } from './create-auth-app.js';

const config = loadConfig(authConfigSchema);
const app = await createAuthApp(config);
await listen(app, 'auth', config.HOST, config.AUTH_PORT);
