import { metricsRegistry } from '@shopwire/observability';
import { Counter, Histogram } from 'prom-client';

export const eventsApplied = new Counter({
  name: 'statistics_events_applied_total',
  help: 'Order events applied to the sales statistics aggregates',
  registers: [metricsRegistry],
});

export const batchDuration = new Histogram({
  name: 'statistics_batch_duration_seconds',
  help: 'Duration of one applying transaction (read events, update aggregates, mark applied)',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});
