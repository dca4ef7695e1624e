import { createTestDatabase, signTestToken, waitUntil, type RunningTestApp } from '@shopwire/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtime } from '@shopwire/test-support';
import { startStoreServices, type StoreServices } from '../../test/store-services.js';

const courierToken = signTestToken('courier@example.org', 'courier');
const customerToken = signTestToken('private@example.org', 'customer');
const deliveryAddress = { street: 'Secret Street 7', details: 'Flat 9', phone: '+381 64 999 0000', note: 'Back door' };
const deliveryLocation = { lat: 44.816_789, lng: 20.456_123 };

interface Heard {
  event: string;
  payload: unknown;
}

/** A raw socket that records every event with its whole payload, as a courier's device gets it. */
async function listen(url: string, token: string, lastEventId?: number): Promise<{ socket: Socket; heard: Heard[] }> {
  const heard: Heard[] = [];
  const auth = { token, lastEventId };
  const socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  socket.onAny((event: string, payload: unknown) => heard.push({ event, payload }));
  await waitUntil(() => heard.some((h) => h.event === 'ready'), 5000);
  return { socket, heard };
}

/** Issue 20: couriers learn where an order goes only once it is theirs — never from the socket. */
describe('order.available carries no delivery address or point', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: StoreServices;
  let realtime: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_address_privacy');
    store = await startStoreServices(db.url);
    realtime = await startRealtime(db.url);
  });
  afterAll(async () => {
    await Promise.all([realtime?.close(), store?.close()]);
    await db?.drop();
  });

  it('sends couriers exactly {eventId, orderId, email, occurredAt}, live and on replay', async () => {
    const courier = await listen(realtime.url, courierToken);
    const orderId = await store.placeOrder(customerToken, { deliveryAddress, deliveryLocation });
    await waitUntil(() => courier.heard.some((h) => h.event === 'order.available'), 5000);

    const replayed = await listen(realtime.url, courierToken, 0);
    await store.pickUp(courierToken, orderId);
    await waitUntil(() => courier.heard.some((h) => h.event === 'order.taken'), 5000);

    for (const { heard } of [courier, replayed]) {
      const available = heard.filter((h) => h.event === 'order.available').map((h) => h.payload);
      expect(available).toHaveLength(1);
      expect(Object.keys(available[0] as object).sort()).toEqual(['email', 'eventId', 'occurredAt', 'orderId']);
      const everything = JSON.stringify(heard);
      for (const secret of ['Secret Street', 'Flat 9', '999 0000', 'Back door', '44.8', '20.45']) {
        expect(everything).not.toContain(secret);
      }
    }
    courier.socket.disconnect();
    replayed.socket.disconnect();
  });
});
