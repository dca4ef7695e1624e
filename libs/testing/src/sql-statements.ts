import type { DataSource } from 'typeorm';

/**
 * Test helper: the first two words of every statement `dataSource` sends while `action` runs
 * (through its logger, so the app under test must share this DataSource) — to pin round trips.
 */
export async function statementsSentDuring<T>(
  dataSource: DataSource,
  action: () => Promise<T>,
): Promise<{ result: T; sent: string[] }> {
  const logger = dataSource.logger;
  const originalLogQuery = logger.logQuery.bind(logger);
  const sent: string[] = [];
  logger.logQuery = (query, ...rest) => {
    sent.push(query.trim().split(/\s+/, 2).join(' '));
    return originalLogQuery(query, ...rest);
  };
  try {
    return { result: await action(), sent };
  } finally {
    logger.logQuery = originalLogQuery;
  }
}
