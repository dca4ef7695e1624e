import { withTransactionRetry } from '@shopwire/database';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Runs `work` in one transaction on its own connection, committing on success and rolling back
 * on any error; the whole transaction is retried when MariaDB picks it as a deadlock victim.
 */
export function inTransaction<T>(dataSource: DataSource, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
  return withTransactionRetry(async () => {
    const tx = dataSource.createQueryRunner();
    await tx.connect();
    try {
      await tx.startTransaction();
      const result = await work(tx);
      await tx.commitTransaction();
      return result;
    } catch (error) {
      if (tx.isTransactionActive) await tx.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await tx.release();
    }
  });
}
