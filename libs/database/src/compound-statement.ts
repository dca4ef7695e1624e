import type { DataSource } from 'typeorm';
import { withTransactionRetry } from './transient-errors.js';

/**
 * One MariaDB compound statement (`BEGIN NOT ATOMIC … END`) assembled from parts that several
 * repositories contribute, each with its own values: one statement on the wire, values bound by
 * the driver as in any other query, so no multi-statement connection flag. A part may SIGNAL to
 * refuse; the statement stops there.
 */
export class CompoundStatement {
  private readonly variables: string[] = [];
  private readonly parts: string[] = [];
  readonly values: unknown[] = [];

  /** Declares a local INT UNSIGNED variable (an inserted id, for the parts after it); its name. */
  variable(): string {
    const name = `v${this.variables.length}`;
    this.variables.push(name);
    return name;
  }

  /** Appends statements (each ending in `;`) and the values of their placeholders, in order. */
  add(sql: string, values: readonly unknown[] = []): this {
    this.parts.push(sql);
    this.values.push(...values);
    return this;
  }

  /** The statement's text; `transaction`: its parts between START TRANSACTION and COMMIT, inside it. */
  sql({ transaction = false } = {}): string {
    const parts = transaction ? ['START TRANSACTION;', ...this.parts, 'COMMIT;'] : this.parts;
    const declare = this.variables.length ? `DECLARE ${this.variables.join(', ')} INT UNSIGNED;\n` : '';
    return `BEGIN NOT ATOMIC\n${declare}${parts.join('\n')}\nEND`;
  }
}

/**
 * Runs `statement` as ONE transaction in ONE round trip (ADR 0026): START TRANSACTION and COMMIT
 * travel inside it. A part that failed or signalled leaves the transaction open, so it is rolled
 * back on the same connection before the error is rethrown; a deadlock victim is run again, as
 * `runInTransaction` does. Returns the rows of each part that returns rows, in order.
 */
export function runAsOneTransaction(dataSource: DataSource, statement: CompoundStatement): Promise<unknown[][]> {
  return withTransactionRetry(async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const results: unknown = await runner.query(statement.sql({ transaction: true }), statement.values);
      // mysql2: one array of rows per part that returned rows, then the statement's own header.
      return Array.isArray(results) ? results.filter((result): result is unknown[] => Array.isArray(result)) : [];
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  });
}
