import {
  COURIERS_ROOM,
  courierRoom,
  customerRoom,
  type OrderEventName,
  type OrderEventRecord,
  type ServerToClientEvents,
} from '@shopwire/contracts';

/** One socket.io emission an order event causes: which room, which event, which payload. */
export type Emission = {
  [E in OrderEventName]: { room: string; event: E; payload: Parameters<ServerToClientEvents[E]>[0] };
}[OrderEventName];

/**
 * Who hears about an order event: its customer always (`order.status`); couriers when an order
 * becomes available (CREATED) or is taken (PENDING); and the courier who picked it up, its
 * `order.status` (PENDING, COMPLETE), so that courier's deliveries never wait for a poll.
 */
export function emissionsFor(event: OrderEventRecord): Emission[] {
  const { id: eventId, orderId, status, occurredAt } = event;
  const emissions: Emission[] = [
    {
      room: customerRoom(event.customerEmail),
      event: 'order.status',
      payload: { eventId, orderId, status, occurredAt },
    },
  ];
  if (status === 'CREATED') {
    emissions.push({
      room: COURIERS_ROOM,
      event: 'order.available',
      payload: { eventId, orderId, email: event.customerEmail, occurredAt },
    });
  } else if (status === 'PENDING') {
    emissions.push({ room: COURIERS_ROOM, event: 'order.taken', payload: { eventId, orderId, occurredAt } });
  }
  if (status !== 'CREATED' && event.courierEmail) {
    emissions.push({
      room: courierRoom(event.courierEmail),
      event: 'order.status',
      payload: { eventId, orderId, status, occurredAt },
    });
  }
  return emissions;
}
