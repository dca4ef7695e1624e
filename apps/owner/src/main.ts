import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen } from '@shopwire/http';
import { ownerConfigSchema } from './owner.config.js';
import { createOwnerApp } from './create-owner-app.js';

const config = loadConfig(ownerConfigSchema);
const app = await createOwnerApp(config);
await listen(app, 'owner', config.HOST, config.OWNER_PORT);
