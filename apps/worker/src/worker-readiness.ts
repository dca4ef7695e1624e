import { pingDatabase } from '@shopwire/database';
import type { ReadinessCheck } from '@shopwire/observability';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

/**
 * The dependencies the worker needs before it may take jobs: the store database and Redis.
 * Built before Nest, so the health listener can answer while the worker is still waiting.
 */
export class WorkerReadiness {
  readonly checks: ReadinessCheck[];

  constructor(dataSource: DataSource, redis: Redis) {
    this.checks = [
      { name: 'database', check: () => pingDatabase(dataSource) },
      { name: 'redis', check: () => redis.ping() },
    ];
  }

  /** Resolves once every check passes, retrying every `intervalMs`. */
  async waitUntilReady(intervalMs = 1000): Promise<void> {
    for (;;) {
      const results = await Promise.allSettled(this.checks.map((c) => c.check()));
      if (results.every((r) => r.status === 'fulfilled')) return;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
