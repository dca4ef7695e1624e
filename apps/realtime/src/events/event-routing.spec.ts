import type { OrderEventRecord } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { emissionsFor } from './event-routing.js';

const event = (status: OrderEventRecord['status']): OrderEventRecord => ({
  id: 42,
  orderId: 7,
  customerEmail: 'Ana@Example.org',
  status,
  courierEmail: status === 'CREATED' ? null : 'bob@example.org',
  occurredAt: '2026-11-29T10:00:00.000Z',
});

describe('emissionsFor', () => {
  it('tells the customer and offers a new order to couriers', () => {
    expect(emissionsFor(event('CREATED'))).toEqual([
      {
        room: 'customer:ana@example.org',
        event: 'order.status',
        payload: { eventId: 42, orderId: 7, status: 'CREATED', occurredAt: '2026-11-29T10:00:00.000Z' },
      },
      {
        room: 'couriers',
        event: 'order.available',
        payload: { eventId: 42, orderId: 7, email: 'Ana@Example.org', occurredAt: '2026-11-29T10:00:00.000Z' },
      },
    ]);
  });

  it('tells the customer, takes a picked-up order off the board and tells the courier who took it', () => {
    expect(emissionsFor(event('PENDING')).map((e) => [e.room, e.event])).toEqual([
      ['customer:ana@example.org', 'order.status'],
      ['couriers', 'order.taken'],
      ['courier:bob@example.org', 'order.status'],
    ]);
  });

  it("tells the customer and the order's courier (no other courier) about a delivery", () => {
    const emissions = emissionsFor({ ...event('COMPLETE'), courierEmail: 'Bob@Example.org' });
    expect(emissions.map((e) => [e.room, e.event])).toEqual([
      ['customer:ana@example.org', 'order.status'],
      ['courier:bob@example.org', 'order.status'],
    ]);
    expect(emissions[1]!.payload).toEqual({
      eventId: 42,
      orderId: 7,
      status: 'COMPLETE',
      occurredAt: '2026-11-29T10:00:00.000Z',
    });
  });
});
