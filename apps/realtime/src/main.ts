import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen } from '@shopwire/http';
import { createRealtimeApp } from './create-realtime-app.js';
import { realtimeConfigSchema } from './realtime.config.js';

const config = loadConfig(realtimeConfigSchema);
const app = await createRealtimeApp(config);
await listen(app, 'realtime', config.HOST, config.REALTIME_PORT);
