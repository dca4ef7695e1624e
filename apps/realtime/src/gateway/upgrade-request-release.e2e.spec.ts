import type { IncomingMessage } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTestDatabase, signTestToken, type RunningTestApp } from '@shopwire/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtime } from '@shopwire/test-support';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('upgrade requests of connected sockets (releaseUpgradeRequests)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let realtime: RunningTestApp;
  const upgrades: WeakRef<IncomingMessage>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('rt_upgrade_release');
    realtime = await startRealtime(db.url);
    realtime.app.getHttpServer().prependListener('upgrade', (req: IncomingMessage) => upgrades.push(new WeakRef(req)));
  });
  afterAll(async () => {
    await realtime?.close();
    await db?.drop();
  });

  it('authenticates from the Authorization header, then lets the request go while the socket lives', async () => {
    const socket: Socket = io(realtime.url, {
      transports: ['websocket'],
      extraHeaders: { authorization: `Bearer ${signTestToken('header@example.org', 'customer')}` },
      reconnection: false,
      forceNew: true,
    });
    try {
      // The handshake still reads the header: the request is released only after it.
      const ready = await new Promise((resolve, reject) => {
        socket.once('ready', resolve);
        socket.once('connect_error', reject);
      });
      expect(ready).toEqual({ lastEventId: 0, replayed: 0 });
      expect(upgrades).toHaveLength(1);
      await expect.poll(() => (gc(), upgrades[0]!.deref() === undefined), { timeout: 5000, interval: 100 }).toBe(true);
      expect(socket.connected).toBe(true);
    } finally {
      socket.disconnect();
    }
  });
});
