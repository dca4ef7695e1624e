import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { runHttpService } from '@shopwire/http';
import { ownerConfigSchema } from './owner.config.js';

const config = loadConfig(ownerConfigSchema);
await runHttpService('owner', config, config.OWNER_PORT, async () =>
  (await import('./create-owner-app.js')).createOwnerApp(config),
);
