import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { listen, runHttpProcesses } from '@shopwire/http';
import { createRealtimeApp } from './create-realtime-app.js';
import { realtimeConfigSchema } from './realtime.config.js';

const config = loadConfig(realtimeConfigSchema);
// One process (ADR 0015): it tails order_events and holds sockets; it scales by replicas.
await runHttpProcesses({
  service: 'realtime',
  logLevel: config.LOG_LEVEL,
  processes: 1,
  start: async () => {
    const app = await createRealtimeApp(config);
    await listen(app, 'realtime', config.HOST, config.REALTIME_PORT);
    return app;
  },
});
