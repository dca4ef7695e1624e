import { metricsRegistry } from '@shopwire/observability';
import type { Queue } from 'bullmq';
import { Counter, Gauge, Histogram } from 'prom-client';

export type PushOutcome = 'sent' | 'gone' | 'key_mismatch' | 'retry' | 'rejected';

export const pushSends = new Counter({
  name: 'push_sends_total',
  help: 'Web Push requests by recipient kind and outcome (sent 2xx, gone 404/410 deleted, key_mismatch 403 deleted, retry 429/5xx/timeout, rejected other 4xx)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const pushSendDuration = new Histogram({
  name: 'push_send_duration_seconds',
  help: 'Time of one Web Push request (encryption and the push service answer)',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const pushDeliveryLag = new Histogram({
  name: 'push_delivery_lag_seconds',
  help: 'From an order event to the push service accepting the push that carries it (oldest event of a push)',
  labelNames: ['kind'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
  registers: [metricsRegistry],
});

export const pushEventsDispatched = new Counter({
  name: 'push_events_dispatched_total',
  help: 'Order events read by the push dispatcher (stale: older than PUSH_MAX_EVENT_AGE_SECONDS, not pushed)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/**
 * Queue depth of the push queue by state, read from Redis at scrape time. A process that starts a
 * second worker (tests) re-points the gauge at the newest queue instead of registering it twice.
 */
export function registerPushQueueDepth(queue: Queue): Gauge {
  metricsRegistry.removeSingleMetric('push_queue_jobs');
  return new Gauge({
    name: 'push_queue_jobs',
    help: 'Jobs in the BullMQ push queue by state',
    labelNames: ['state'] as const,
    registers: [metricsRegistry],
    async collect() {
      const counts = await queue.getJobCounts(...JOB_STATES).catch(() => undefined);
      if (!counts) return;
      for (const state of JOB_STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
}
