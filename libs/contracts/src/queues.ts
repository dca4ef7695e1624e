/**
 * BullMQ queues and jobs shared by the producers (owner, the worker's order-events triggers) and the worker.
 * Jobs carry ids, never rows: the database stays the source of truth and a retried job re-reads it.
 */

/** Queue that keeps the sales statistics aggregates (contract §3.2–3.3) up to date. */
export const STATISTICS_QUEUE = 'statistics';

export const StatisticsJobs = {
  /** Apply every not yet applied order event to the aggregates, batch by batch. */
  applyOrderEvents: 'apply-order-events',
} as const;

export type StatisticsJobName = (typeof StatisticsJobs)[keyof typeof StatisticsJobs];

export interface ApplyOrderEventsJob {
  /** What woke the worker: a message on the order-events channel, or the safety net (scheduler, catch-up). */
  trigger: 'order-event' | 'schedule';
  /** Highest event id the nudge announced, if any (informational: the job applies all pending events). */
  eventId?: number;
}

/** Queue that turns committed order events into Web Push notifications (docs/push.md). */
export const PUSH_QUEUE = 'push';

export const PushJobs = {
  /** Read undispatched order events, append new orders to the courier stream, enqueue customer pushes. */
  dispatchOrderEvents: 'dispatch-order-events',
  /** Push one courier device the new orders it has not been pushed yet (one job waits per device). */
  notifyCourier: 'notify-courier',
  /** Push a PENDING/COMPLETE event to its customer's devices; job id = the event id (dedupe). */
  notifyCustomer: 'notify-customer',
} as const;

export type PushJobName = (typeof PushJobs)[keyof typeof PushJobs];

export interface DispatchOrderEventsJob {
  trigger: 'order-event' | 'schedule';
  /** Highest event id the channel announced, if any (informational, as for ApplyOrderEventsJob). */
  eventId?: number;
}
export interface NotifyCourierJob {
  subscriptionId: number;
}
export interface NotifyCustomerJob {
  eventId: number;
  /** Subscriptions already pushed by an earlier attempt of this job: a retry skips them. */
  done?: number[];
}

/** Payload type of every job, by job name. */
export interface JobPayloads {
  [StatisticsJobs.applyOrderEvents]: ApplyOrderEventsJob;
  [PushJobs.dispatchOrderEvents]: DispatchOrderEventsJob;
  [PushJobs.notifyCourier]: NotifyCourierJob;
  [PushJobs.notifyCustomer]: NotifyCustomerJob;
}
