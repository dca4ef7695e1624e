import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry } from 'prom-client';
import { metricsRegistry } from './metrics-registry.js';

/** Worker → primary: "send me the metrics of every process"; primary → worker: the text. */
const REQUEST = 'shopwire:metrics-request';
const ANSWER = 'shopwire:metrics-answer';
const ANSWER_TIMEOUT_MS = 5000;

interface MetricsMessage {
  type: string;
  id: string;
  text?: string;
  error?: string;
}

const isMetricsMessage = (message: unknown, type: string): message is MetricsMessage =>
  typeof message === 'object' && message !== null && (message as MetricsMessage).type === type;

if (cluster.isWorker) {
  // Lets the primary's AggregatorRegistry collect this process's registry (it listens once constructed).
  AggregatorRegistry.setRegistries([metricsRegistry]);
  new AggregatorRegistry();
}

/**
 * In the primary of a service with several processes (ADR 0015): answers a worker's /metrics with
 * the metrics of all workers aggregated (counters and histograms summed), so a scrape that lands
 * on any process sees the whole service, as with one process.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMetricsMessage(message, REQUEST)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text }),
      (error: Error) => worker.send({ type: ANSWER, id: message.id, error: error.message }),
    );
  });
}

/** The Prometheus text for this service: this process's registry, or all processes' when clustered. */
export function serviceMetrics(): Promise<string> {
  if (!cluster.isWorker || !process.send) return metricsRegistry.metrics();
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isMetricsMessage(message, ANSWER) || message.id !== id) return;
      finish();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? '');
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error('the primary process did not answer with the metrics'));
    }, ANSWER_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}
