import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { runHttpService } from '@shopwire/http';
import { createRealtimeApp } from './create-realtime-app.js';
import { realtimeConfigSchema } from './realtime.config.js';

const config = loadConfig(realtimeConfigSchema);
// One process (ADR 0015): it tails order_events and holds sockets; it scales by replicas.
await runHttpService('realtime', { ...config, HTTP_PROCESSES: 1 }, config.REALTIME_PORT, () =>
  createRealtimeApp(config),
);
