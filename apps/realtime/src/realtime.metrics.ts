import { metricsRegistry } from '@shopwire/observability';
import { Counter, Gauge } from 'prom-client';

/** Realtime-specific series on the process registry served at /metrics. */
export const realtimeMetrics = {
  sockets: new Gauge({
    name: 'realtime_connected_sockets',
    help: 'Sockets currently connected to this replica',
    registers: [metricsRegistry],
  }),
  events: new Counter({
    name: 'realtime_order_events_total',
    help: 'Order events read from order_events and fanned out by this replica',
    registers: [metricsRegistry],
  }),
  skippedIds: new Counter({
    name: 'realtime_skipped_event_ids_total',
    help: 'Event ids missing past the grace period (rolled-back inserts) and skipped',
    registers: [metricsRegistry],
  }),
  cursor: new Gauge({
    name: 'realtime_tail_cursor',
    help: 'Highest event id delivered (or skipped) by this replica',
    registers: [metricsRegistry],
  }),
  replays: new Counter({
    name: 'realtime_replays_total',
    help: 'Connections resumed from a lastEventId, by outcome',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
  locationReports: new Counter({
    name: 'realtime_courier_location_reports_total',
    help: 'courier.location reports received by this replica, by outcome (accepted or the ack error)',
    labelNames: ['outcome'] as const,
    registers: [metricsRegistry],
  }),
  locationsDelivered: new Counter({
    name: 'realtime_courier_locations_delivered_total',
    help: 'order.courier_location messages this replica emitted to a customer room',
    registers: [metricsRegistry],
  }),
};
