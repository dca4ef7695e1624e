import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { OrderEventsTrigger } from './order-events-trigger.js';
import type { WorkerReadiness } from './worker-readiness.js';

/**
 * Runs one queue's BullMQ worker (created with `autorun: false`). Boot: start consuming only once
 * the database and Redis answer, then start the queue's order-events trigger. Shutdown (SIGTERM):
 * stop taking jobs and let active ones finish before Nest closes the database
 * (beforeApplicationShutdown runs before any close hook).
 */
export class QueueConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private worker?: Worker;
  private running?: Promise<void>;

  /** `workerOf`: read at boot (a @Processor's worker exists only once Nest initialised the module). */
  constructor(
    queueName: string,
    private readonly workerOf: () => Worker,
    private readonly readiness: WorkerReadiness,
    private readonly trigger: OrderEventsTrigger,
  ) {
    this.logger = new Logger(`QueueConsumer(${queueName})`);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.readiness.waitUntilReady();
    const worker = (this.worker = this.workerOf());
    worker.on('failed', (job, error) => {
      // Retries are routine (a push service's 429, a deadlock): only a job that gave up is news.
      const gaveUp = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      const fields = { err: error, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade };
      if (gaveUp) this.logger.warn(fields, 'job gave up');
      else this.logger.debug(fields, 'job failed, will retry');
    });
    worker.on('error', (error) => this.logger.error({ err: error }, 'worker error'));
    this.running = worker.run().catch((error: Error) => this.logger.error({ err: error }, 'worker stopped'));
    await this.trigger.start();
    this.logger.log(`consuming ${worker.name} (concurrency ${worker.concurrency})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.running;
  }
}
