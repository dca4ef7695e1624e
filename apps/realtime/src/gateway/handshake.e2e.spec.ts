import { fileURLToPath } from 'node:url';
import { DEVELOPMENT_VAPID_KEYS } from '@shopwire/config';
import { createTestDatabase, httpClient, signTestToken, type RunningTestApp } from '@shopwire/testing';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRecording, startRealtime } from '@shopwire/test-support';

/** Opens a raw socket and reports how the handshake ended. */
function handshake(url: string, auth: Record<string, unknown> | undefined) {
  return new Promise<{ connected: boolean; message?: string; reason?: string }>((resolve) => {
    const socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
    socket.on('connect', () => (socket.disconnect(), resolve({ connected: true })));
    socket.on('connect_error', (error: Error & { data?: { reason?: string } }) => {
      socket.disconnect();
      resolve({ connected: false, message: error.message, reason: error.data?.reason });
    });
  });
}

describe('realtime handshake', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let realtime: RunningTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('rt_handshake');
    // The web app's page from source: this checks serving, not the build (test/browser does that).
    realtime = await startRealtime(db.url, { WEB_DIR: fileURLToPath(new URL('../../../web', import.meta.url)) });
  });
  afterAll(async () => {
    await realtime?.close();
    await db?.drop();
  });

  it.each([
    ['no token', undefined, 'missing token'],
    [
      'a bad signature',
      { token: signTestToken('a@b.cd', 'customer', {}, 'another-secret-0123456789abcdef01') },
      'invalid or expired token',
    ],
    [
      'an expired token',
      { token: signTestToken('a@b.cd', 'customer', { nbf: 1000, exp: 4600 }) },
      'invalid or expired token',
    ],
    [
      'a token that is not an access token',
      { token: signTestToken('a@b.cd', 'courier', { type: 'refresh' }) },
      'invalid or expired token',
    ],
  ])('refuses %s at connect with "unauthorized"', async (_label, auth, reason) => {
    expect(await handshake(realtime.url, auth)).toEqual({ connected: false, message: 'unauthorized', reason });
  });

  it('refuses a malformed lastEventId', async () => {
    const result = await handshake(realtime.url, { token: signTestToken('a@b.cd', 'customer'), lastEventId: 'x' });
    expect(result).toMatchObject({ connected: false, message: 'invalid lastEventId' });
  });

  it.each(['customer', 'courier', 'owner'] as const)('accepts a %s and says ready', async (role) => {
    const client = await connectRecording(realtime.url, signTestToken(`${role}@example.org`, role));
    expect(client.readies).toEqual([{ lastEventId: 0, replayed: 0 }]);
    client.close();
  });

  it('disconnects a socket when its token expires (exp + 60 s leeway)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = signTestToken('short@example.org', 'customer', { nbf: now - 3600, exp: now - 59 });
    const socket = io(realtime.url, {
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      forceNew: true,
    });
    const reason = await new Promise<string>((resolve) => socket.on('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
  });

  it('serves health with a Redis check, the web app and its config', async () => {
    const http = httpClient(realtime.url);
    const ready = await http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: 'up', redis: 'up', 'store-epoch': 'up' });
    expect((await http.get('/')).text).toContain('<title>shopwire</title>');
    expect((await http.get('/config.json')).body).toEqual({
      authUrl: 'http://localhost:5000',
      ownerUrl: 'http://localhost:5001',
      customerUrl: 'http://localhost:5002',
      courierUrl: 'http://localhost:5003',
      // No tile server unless configured: the delivery maps load nothing from the internet.
      mapTileUrl: null,
      mapAttribution: '',
      vapidPublicKey: DEVELOPMENT_VAPID_KEYS.publicKey,
    });
    expect((await http.get('/socket.io/socket.io.esm.min.js')).status).toBe(200);
    expect((await http.get('/metrics')).text).toContain('realtime_connected_sockets');
  });
});
