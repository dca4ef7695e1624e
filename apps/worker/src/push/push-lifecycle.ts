import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { PUSH_QUEUE } from '@shopwire/contracts';
import type { Queue } from 'bullmq';
import { WorkerReadiness } from '../worker-readiness.js';
import { registerPushQueueDepth } from './push-metrics.js';
import { PushProcessor } from './push.processor.js';
import { PushTriggers } from './push-triggers.js';
import { WebPushSender } from './web-push-sender.js';

/** Starts consuming `push` once the database and Redis answer; on SIGTERM lets active pushes finish. */
@Injectable()
export class PushLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PushLifecycle.name);
  private running?: Promise<void>;

  constructor(
    @Inject(PushProcessor) private readonly processor: PushProcessor,
    @Inject(PushTriggers) private readonly triggers: PushTriggers,
    @Inject(WebPushSender) private readonly sender: WebPushSender,
    @Inject(WorkerReadiness) private readonly readiness: WorkerReadiness,
    @InjectQueue(PUSH_QUEUE) queue: Queue,
  ) {
    registerPushQueueDepth(queue);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.readiness.waitUntilReady();
    const worker = this.processor.worker;
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.logger.warn(`push job ${job.name} ${job.id} gave up: ${error.message}`);
      }
    });
    this.running = worker.run().catch((error: Error) => this.logger.error(`push worker stopped: ${error.message}`));
    await this.triggers.start();
    this.logger.log(`consuming ${worker.name} (concurrency ${worker.concurrency})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.processor.worker.close();
    await this.running;
    this.sender.close();
  }
}
