import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM logger that never prints query parameters: they hold password hashes, emails and
 * customer data. A duplicate key is an expected outcome (`Email already exists.`), handled
 * by the caller, so it is not logged at all; other query errors keep their code and SQL text.
 */
export class ParameterFreeQueryLogger implements TypeOrmLogger {
  private readonly logger: NestLogger;

  constructor(context = 'Database') {
    this.logger = new NestLogger(context);
  }

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    if ((error as { code?: unknown }).code === 'ER_DUP_ENTRY') return;
    const code = (error as { code?: unknown }).code ?? 'unknown';
    const message = error instanceof Error ? error.message : String(error);
    // The driver's message may quote a rejected value (e.g. the duplicate email): keep it short.
    this.logger.error({ code, error: message.slice(0, 200), query: query.slice(0, 500) }, 'Query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'Slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
