import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/** Paths pino replaces with "[Redacted]": credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.token',
  '*.JWT_SECRET',
  '*.jwtSecret',
];

/** Error fields that carry query parameters (mysql2 `sql` has them inlined; TypeORM keeps `parameters`). */
const PARAMETER_BEARING_ERROR_FIELDS = ['sql', 'parameters', 'driverError'];

/** pino's error serializer (message, type, stack, code, …) minus fields holding query parameters. */
export function serializeError(err: Error): Record<string, unknown> {
  const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(err) };
  for (const field of PARAMETER_BEARING_ERROR_FIELDS) delete serialized[field];
  return serialized;
}

/** Honours an incoming X-Request-Id (bounded, printable) or makes one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && /^[\x21-\x7e]{1,128}$/.test(incoming)) return incoming;
  return randomUUID();
}

/** Buffer size after which buffered log lines are written; and the longest a line waits when it is not reached. */
const LOG_BUFFER_BYTES = 4096;
const LOG_FLUSH_INTERVAL_MS = 250;

let destination: ReturnType<typeof pino.destination> | undefined;

/**
 * Standard output, written asynchronously in batches (ADR 0016): a line costs a string append, not
 * a write system call. Flushed every LOG_FLUSH_INTERVAL_MS, at once for a fatal line, and
 * synchronously when the process exits. One per process, shared by every logger.
 */
export function logDestination(): ReturnType<typeof pino.destination> {
  destination ??= pino.destination({
    dest: 1,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    periodicFlush: LOG_FLUSH_INTERVAL_MS,
  });
  return destination;
}

/**
 * The process's one pino logger (structured JSON, secrets redacted). HTTP apps hand it to Fastify,
 * whose per-request child loggers add the request id (`reqId`) to every line of a request.
 */
export function createRootLogger(options: { service: string; level: string }): Logger {
  return pino(
    {
      level: options.level as LevelWithSilent,
      base: { service: options.service, pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      serializers: { err: serializeError },
    },
    logDestination(),
  );
}

/** Fields of the one line logged per request: what was asked, the answer's status, how long it took. */
export interface RequestLine {
  reqId: string;
  method: string;
  url: string;
  statusCode: number;
  ms: number;
}

/**
 * The per-request log line, written without the redaction pass (~7 µs of a ~9 µs line, ADR 0016):
 * its fields are fixed and none can hold a credential (tokens travel in headers, which are not
 * logged). Same JSON as a line of the root logger: service, pid, reqId, req, res, ms.
 */
export function createRequestLogger(
  options: { service: string; level: string },
  destination: DestinationStream = logDestination(),
): (line: RequestLine) => void {
  const logger = pino(
    { level: options.level as LevelWithSilent, base: { service: options.service, pid: process.pid } },
    destination,
  );
  if (!logger.isLevelEnabled('info')) return () => {};
  return ({ reqId, method, url, statusCode, ms }) =>
    logger.info({ reqId, req: { method, url }, res: { statusCode }, ms }, 'request completed');
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Nest's LoggerService over pino, so framework and application logs share one JSON format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  // Nest passes the context name last, and for errors an optional stack before it.
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) this.root[level]({ context, err: message }, message.message);
    // `logger.warn({ err, … }, 'what failed')`: fields stay structured, the text is the message.
    else if (typeof message === 'object' && message !== null) this.root[level]({ context, ...message }, stack);
    else this.root[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}
