import cluster, { type Worker } from 'node:cluster';
import { createRootLogger, serveClusterMetrics } from '@shopwire/observability';
import { listen } from './create-http-app.js';

/** What a started service must offer to be stopped gracefully (a Nest application does). */
export interface StoppableService {
  /** Stops taking connections, lets in-flight requests finish, then releases pools (Nest `app.close()`). */
  close(): Promise<unknown>;
  getHttpServer(): { closeIdleConnections(): void };
}

export interface HttpProcessesOptions {
  service: string;
  logLevel: string;
  /** Processes serving the port (ADR 0015). 1: this process serves, as before. */
  processes: number;
  /** The service's database pool (DB_POOL_SIZE): each worker process gets an equal share of it. */
  databasePoolSize?: number;
  /** Builds the app and listens; runs in each worker process (or in this one when processes = 1). */
  start: () => Promise<StoppableService>;
}

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** While stopping: how often keep-alive connections whose request has finished are closed. */
const IDLE_SWEEP_MS = 100;
const FIRST_RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Runs an HTTP service in `processes` processes behind one port (node:cluster: the primary only
 * accepts connections and hands them out round-robin; each worker is a full copy of the app, like a
 * replica). The primary replaces a worker that dies while serving, aggregates /metrics, and on
 * SIGTERM/SIGINT stops every worker gracefully before it exits. With one process nothing forks.
 */
export async function runHttpProcesses(options: HttpProcessesOptions): Promise<void> {
  if (options.processes > 1 && cluster.isPrimary) {
    superviseWorkers(options);
    return;
  }
  const shutdown = gracefulShutdown();
  shutdown.serve(await options.start());
}

/** What an HTTP service's main reads of its config to run. */
export interface HttpServiceConfig {
  HOST: string;
  LOG_LEVEL: string;
  HTTP_PROCESSES: number;
  DB_POOL_SIZE: number;
}

/**
 * An HTTP service's main: `config.HTTP_PROCESSES` processes, each building the app with `create`
 * and listening on `port`. `create` should import the app module itself (dynamic import), so the
 * primary of several processes never loads it.
 */
export function runHttpService(
  service: string,
  config: HttpServiceConfig,
  port: number,
  create: () => Promise<StoppableService & Parameters<typeof listen>[0]>,
): Promise<void> {
  return runHttpProcesses({
    service,
    logLevel: config.LOG_LEVEL,
    processes: config.HTTP_PROCESSES,
    databasePoolSize: config.DB_POOL_SIZE,
    start: async () => {
      const app = await create();
      await listen(app, service, config.HOST, port);
      return app;
    },
  });
}

/**
 * The first SIGTERM/SIGINT (from the orchestrator, a terminal, or the primary) closes the app — Fastify finishes the
 * requests in flight — and exits; later ones are ignored. Before the app is up there is nothing in
 * flight: a stop then exits at once.
 */
function gracefulShutdown() {
  let app: StoppableService | undefined;
  let requested = false;
  const stop = () => {
    if (requested) return;
    requested = true;
    if (!app) process.exit(0);
    // Closing the server closes only the connections idle at that instant; a keep-alive connection
    // whose request finishes later would hold the stop until its keep-alive timeout.
    const server = app.getHttpServer();
    setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
    // process.exit flushes the buffered log (ADR 0016).
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`closing the app failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, stop);
  return {
    serve(started: StoppableService) {
      app = started;
      if (requested) {
        requested = false;
        stop();
      }
    },
  };
}

function superviseWorkers({ service, logLevel, processes, databasePoolSize }: HttpProcessesOptions): void {
  const logger = createRootLogger({ service, level: logLevel }).child({ context: 'processes' });
  const alive = new Set<Worker>();
  const serving = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  let restartDelayMs = FIRST_RESTART_DELAY_MS;
  // The service keeps the connection budget it had as one process (deploy docs: replicas × pool).
  const workerEnv =
    databasePoolSize === undefined ? {} : { DB_POOL_SIZE: String(Math.ceil(databasePoolSize / processes)) };
  serveClusterMetrics();

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    if (alive.size === 0) process.exit(exitCode);
    // A worker still loading its code dies of it (nothing in flight yet); one that has begun starting stops once up.
    for (const worker of alive) worker.process.kill('SIGTERM');
  };

  const fork = () => {
    if (stopping) return;
    const worker = cluster.fork(workerEnv);
    alive.add(worker);
    worker.once('listening', () => {
      serving.add(worker);
      restartDelayMs = FIRST_RESTART_DELAY_MS;
    });
    worker.once('exit', (code, signal) => {
      alive.delete(worker);
      const servedBefore = serving.delete(worker);
      const workerPid = worker.process.pid;
      if (stopping) {
        if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') exitCode = 1;
        if (alive.size === 0) process.exit(exitCode);
      } else if (!servedBefore && serving.size === 0) {
        // Nothing ever served: configuration or a dependency, reported the way a single process would.
        logger.error({ workerPid, code, signal }, 'worker process failed to start: stopping the service');
        stopAll(1);
      } else {
        logger.warn({ workerPid, code, signal }, 'worker process exited: starting a replacement');
        // A replacement that keeps failing to start (database down?) is retried less and less often.
        setTimeout(fork, servedBefore ? 0 : restartDelayMs);
        if (!servedBefore) restartDelayMs = Math.min(restartDelayMs * 2, MAX_RESTART_DELAY_MS);
      }
    });
  };

  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => stopAll(0));
  for (let n = 0; n < processes; n++) fork();
  logger.info({ processes }, `${service}: ${processes} worker processes share the port`);
}
