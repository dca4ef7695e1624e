/** MySQL/MariaDB error codes that mean "try the whole transaction again". */
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
/** Codes (and Node socket errors) that mean the database cannot be reached right now. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_CONNECTION_KILLED',
  // 1047 "WSREP has not yet prepared node for application use": a Galera node that is not (yet) a
  // synced member of the primary component (ADR 0022); the proxy moves to another node.
  'ER_UNKNOWN_COM_ERROR',
]);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e.code ?? e.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryableTransactionError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

export function isDatabaseUnavailableError(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /connect ECONNREFUSED|Connection lost|Pool is closed|Can't add new command when connection is in closed state/.test(
    message,
  );
}

export function isDuplicateKeyError(error: unknown): boolean {
  return codeOf(error) === 'ER_DUP_ENTRY';
}

/**
 * Runs `work` again (up to `attempts` times) when MariaDB aborts it as a deadlock victim or on a
 * lock-wait timeout — both are safe to retry because the transaction was rolled back whole.
 */
export async function withTransactionRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
