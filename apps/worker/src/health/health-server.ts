import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry, type ReadinessCheck } from '@shopwire/observability';

const CHECK_TIMEOUT_MS = 2000;

async function isUp(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The worker serves no API, only probes and metrics: /health/live, /health/ready (database +
 * Redis, same bodies as the HTTP services) and /metrics. Plain node:http — no framework needed.
 */
export async function startHealthServer(checks: ReadinessCheck[], host: string, port: number): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type }).end(body);
    };
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') return send(404, JSON.stringify({ message: 'Not found.' }));
    if (path === '/health/live') return send(200, JSON.stringify({ status: 'ok' }));
    if (path === '/health/ready') {
      void Promise.all(checks.map(async (c) => [c.name, (await isUp(c)) ? 'up' : 'down'] as const)).then((pairs) => {
        const results = Object.fromEntries(pairs);
        const ready = pairs.every(([, state]) => state === 'up');
        send(
          ready ? 200 : 503,
          JSON.stringify(
            ready ? { status: 'ok', checks: results } : { message: 'Service not ready.', checks: results },
          ),
        );
      });
      return;
    }
    if (path === '/metrics') {
      void metricsRegistry.metrics().then((text) => send(200, text, metricsRegistry.contentType));
      return;
    }
    send(404, JSON.stringify({ message: 'Not found.' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
