import type { DataSource, QueryRunner } from 'typeorm';
import type { CompoundStatement } from './compound-statement.js';
import { withTransactionRetry } from './transient-errors.js';

/**
 * Anything that runs SQL with positional parameters: a DataSource, a QueryRunner (`tx`), an
 * EntityManager. Name what comes back: `query<PriceRow[]>(select…)` for rows (mysql2 hands them
 * over as plain objects: BIGINT and DECIMAL columns arrive as strings, see docs/architecture.md),
 * `query<WriteResult>(insert…)` for a write. Unnamed rows are `unknown`: a caller that reads them
 * must say what it expects (issue 21, item 3).
 */
export interface SqlExecutor {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** A readiness probe: one round trip that needs a connection and a live server, and reads no table. */
export async function pingDatabase(db: SqlExecutor): Promise<void> {
  await db.query('SELECT 1');
}

/** What mysql2 answers to INSERT/UPDATE/DELETE. */
export interface WriteResult {
  insertId: number;
  affectedRows: number;
}

export type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionOptions {
  /** Default: the server's (REPEATABLE READ on MariaDB). */
  isolation?: IsolationLevel;
  /** `START TRANSACTION READ ONLY` (and WITH CONSISTENT SNAPSHOT: every read sees one instant). */
  readOnly?: boolean;
  /** Whole-transaction attempts on a deadlock or lock-wait timeout (default 3; 1 = no retry). */
  attempts?: number;
  /** Run on this connection (e.g. one holding a named lock) instead of a new one from the pool. */
  runner?: QueryRunner;
}

/**
 * THE way to run a transaction (ADR 0011): one connection, the isolation level and access mode
 * set explicitly, commit on success, rollback on any error, and the whole transaction retried —
 * a bounded number of times — when MariaDB rolled it back as a deadlock victim or on a lock-wait
 * timeout (as Vendure's TransactionWrapper does). `work` must therefore be safe to run again:
 * only database effects inside it, side effects (nudges, metrics) after it returns.
 */
export function runInTransaction<T>(
  dataSource: DataSource,
  work: (tx: QueryRunner) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return onOwnConnection(dataSource, options, async (tx) => {
    if (options.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${options.isolation}`);
    await tx.query(options.readOnly ? 'START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY' : 'START TRANSACTION');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  });
}

/**
 * The same transaction in ONE round trip (ADR 0026): START TRANSACTION and COMMIT travel inside
 * `statement`. A part that failed or signalled leaves the transaction open; it is rolled back on
 * the same connection, and a deadlock victim runs again, as in `runInTransaction`. Returns the rows
 * of each part that returns rows, in order.
 */
export function runAsOneTransaction(dataSource: DataSource, statement: CompoundStatement): Promise<unknown[][]> {
  return onOwnConnection(dataSource, {}, async (tx) => {
    const results: unknown = await tx.query(statement.sql({ transaction: true }), statement.values);
    // mysql2: one array of rows per part that returned rows, then the statement's own header.
    return Array.isArray(results) ? results.filter((result): result is unknown[] => Array.isArray(result)) : [];
  });
}

/** `run` on one connection (the given runner's or the pool's), rolled back on any error, retried whole on a deadlock. */
function onOwnConnection<T>(
  dataSource: DataSource,
  options: TransactionOptions,
  run: (tx: QueryRunner) => Promise<T>,
): Promise<T> {
  return withTransactionRetry(async () => {
    const tx = options.runner ?? dataSource.createQueryRunner();
    if (!options.runner) await tx.connect();
    try {
      return await run(tx);
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      if (!options.runner) await tx.release();
    }
  }, options.attempts ?? 3);
}

export class NamedLockTimeoutError extends Error {
  override name = 'NamedLockTimeoutError';
  constructor(lockName: string, waitSeconds: number) {
    super(`Could not acquire ${lockName} within ${waitSeconds}s`);
  }
}

/**
 * THE way to hold a MariaDB named lock (GET_LOCK): server-wide, so scoped to the database by
 * name; held by one connection, which `work` gets (run the locked writes on it); released
 * explicitly, and by the server if the connection dies.
 */
export async function withNamedLock<T>(
  dataSource: DataSource,
  name: string,
  waitSeconds: number,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const lockName = `${name}_${String(dataSource.options.database)}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, waitSeconds]);
    if (Number(row.acquired) !== 1) throw new NamedLockTimeoutError(lockName, waitSeconds);
    try {
      return await work(runner);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}
