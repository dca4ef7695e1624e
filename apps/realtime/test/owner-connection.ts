import type { OrdersChangedPayload, StatisticsChangedPayload } from '@shopwire/contracts';
import { connectRealtime, type RealtimeClient } from '@shopwire/realtime-client';

export type Received<P> = P & { receivedAt: number };

export interface OwnerConnection {
  client: RealtimeClient;
  statistics: Array<Received<StatisticsChangedPayload>>;
  orders: Array<Received<OrdersChangedPayload>>;
  /** Names of every other event the socket received. */
  otherEvents: string[];
}

/** An owner's live connection through the realtime-client library, recording both owner signals. */
export async function connectOwner(url: string, token: string): Promise<OwnerConnection> {
  const connection: Omit<OwnerConnection, 'client'> = { statistics: [], orders: [], otherEvents: [] };
  let client!: RealtimeClient;
  await new Promise<void>((resolve, reject) => {
    client = connectRealtime({
      url,
      token,
      on: {
        'statistics.changed': (payload) => connection.statistics.push({ ...payload, receivedAt: Date.now() }),
        'orders.changed': (payload) => connection.orders.push({ ...payload, receivedAt: Date.now() }),
      },
      onReady: () => resolve(),
      onError: reject,
      socket: { forceNew: true },
    });
    client.socket.onAny(
      (name: string) => name !== 'statistics.changed' && name !== 'orders.changed' && connection.otherEvents.push(name),
    );
  });
  return { client, ...connection };
}
