import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { StatisticsProcessor } from './statistics/statistics.processor.js';
import { STATISTICS_OPTIONS, type StatisticsOptions } from './statistics/statistics-options.js';
import { WorkerReadiness } from './worker-readiness.js';

/**
 * Boot: start consuming only once the database and Redis answer. Shutdown (SIGTERM): stop taking
 * jobs and let active ones finish before Nest closes the database (beforeApplicationShutdown runs
 * before any close hook).
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private running?: Promise<void>;

  constructor(
    @Inject(StatisticsProcessor) private readonly statistics: StatisticsProcessor,
    @Inject(WorkerReadiness) private readonly readiness: WorkerReadiness,
    @Inject(STATISTICS_OPTIONS) private readonly options: StatisticsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readiness.waitUntilReady();
    const worker = this.statistics.worker;
    worker.concurrency = this.options.concurrency;
    worker.on('failed', (job, error) => this.logger.warn({ err: error, job: job?.name }, 'job failed'));
    worker.on('error', (error) => this.logger.error({ err: error }, 'worker error'));
    this.running = worker.run().catch((error: Error) => this.logger.error({ err: error }, 'worker stopped'));
    this.logger.log(`consuming ${worker.name} (concurrency ${worker.concurrency})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.statistics.worker.close();
    await this.running;
  }
}
