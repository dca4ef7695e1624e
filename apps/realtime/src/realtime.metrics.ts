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
    help: 'Order events fanned out by this replica (read from order_events or the relay stream)',
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
  tableReads: new Counter({
    name: 'realtime_order_events_reads_total',
    help: 'Reads of order_events after the cursor: tail (leader, or Redis unusable) or hole (relay stream gap)',
    labelNames: ['reason'] as const,
    registers: [metricsRegistry],
  }),
  relayRole: new Gauge({
    name: 'realtime_relay_role',
    help: '1 for the current relay role of this replica: leader, follower (reads the stream) or tailing (stream unusable)',
    labelNames: ['role'] as const,
    registers: [metricsRegistry],
  }),
  relayLag: new Gauge({
    name: 'realtime_relay_lag_seconds',
    help: 'Age of the last relay stream entry this replica delivered when it read it (0 when caught up)',
    registers: [metricsRegistry],
  }),
  relayStalls: new Counter({
    name: 'realtime_relay_stalls_total',
    help: 'Times this follower read order_events itself because an announced event did not come through the stream in time',
    registers: [metricsRegistry],
  }),
  relayAdded: new Counter({
    name: 'realtime_relay_added_events_total',
    help: 'Events this replica (as leader) added to the relay stream, by outcome (added, duplicate, failed)',
    labelNames: ['outcome'] as const,
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
