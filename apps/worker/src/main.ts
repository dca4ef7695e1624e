import 'reflect-metadata';
import { loadConfig } from '@shopwire/config';
import { startWorker } from './create-worker-app.js';
import { workerConfigSchema } from './worker.config.js';

const worker = await startWorker(loadConfig(workerConfigSchema));

// SIGTERM/SIGINT: finish active jobs (worker.close()), then close the database and Redis.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
