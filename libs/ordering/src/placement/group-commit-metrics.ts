import { metricsRegistry } from '@shopwire/observability';
import { Counter, Histogram } from 'prom-client';

/** POST /order's group commit (ADR 0026), on the app's /metrics. */
export const groupCommitMetrics = {
  size: new Histogram({
    name: 'order_group_commit_size',
    help: 'Orders written by one group-commit transaction',
    buckets: [1, 2, 4, 8, 16, 32, 50],
    registers: [metricsRegistry],
  }),
  waitSeconds: new Histogram({
    name: 'order_group_commit_wait_seconds',
    help: 'Time an order waited for its group-commit batch to start',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0015, 0.002, 0.005],
    registers: [metricsRegistry],
  }),
  fallbacks: new Counter({
    name: 'order_group_commit_fallbacks_total',
    help: 'Batches (of one order or more) whose placement statement failed, written again order by order: an order of them failed, or was priced by an earlier catalogue',
    registers: [metricsRegistry],
  }),
};
