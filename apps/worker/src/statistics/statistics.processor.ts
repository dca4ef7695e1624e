import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { STATISTICS_QUEUE, StatisticsJobs, type StatisticsJobName } from '@shopwire/contracts';
import { type Job, UnrecoverableError } from 'bullmq';
import { OrderEventsApplier } from './order-events-applier.js';

type Handler = (job: Job) => Promise<unknown>;

/**
 * Consumes the statistics queue. `autorun: false`: the worker lifecycle starts it only once the
 * database and Redis answer (see QueueConsumer).
 */
@Processor(STATISTICS_QUEUE, { autorun: false })
export class StatisticsProcessor extends WorkerHost {
  private readonly logger = new Logger(StatisticsProcessor.name);
  /** A Record over the job-name union: the compiler rejects a job name without a handler. */
  private readonly handlers: Record<StatisticsJobName, Handler> = {
    [StatisticsJobs.applyOrderEvents]: () => this.applyOrderEvents(),
  };

  constructor(@Inject(OrderEventsApplier) private readonly applier: OrderEventsApplier) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as StatisticsJobName];
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    return handler(job);
  }

  private async applyOrderEvents(): Promise<{ applied: number }> {
    const applied = await this.applier.applyAll();
    if (applied > 0) this.logger.debug({ applied }, 'applied order events');
    return { applied };
  }
}
