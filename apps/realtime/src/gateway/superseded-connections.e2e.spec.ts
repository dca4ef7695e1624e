import { signTestToken, testIncarnation } from '@shopwire/testing';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const tokenOf = (email: string, incarnation: string) =>
  signTestToken(email, 'customer', { jti: `${incarnation}.t${Math.random().toString(36).slice(2, 8)}` });

/** Opens a socket; resolves once the handshake ended, with the socket when it connected. */
function connect(url: string, token: string) {
  return new Promise<{ socket?: Socket; message?: string; reason?: string }>((resolve) => {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    socket.on('connect', () => resolve({ socket }));
    socket.on('connect_error', (error: Error & { data?: { reason?: string } }) => {
      socket.disconnect();
      resolve({ message: error.message, reason: error.data?.reason });
    });
  });
}
const disconnected = (socket: Socket) => new Promise<string>((resolve) => socket.on('disconnect', resolve));

/** ADR 0017: a deleted account's live connection ends once its email is registered again. */
describe('realtime connections of a superseded account incarnation', () => {
  let stack: StoreStack;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'rt_superseded', customer: 1, realtime: 1 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stack?.close();
  });

  it('closes the older incarnation’s socket once the newer one is seen anywhere, and refuses it afterwards', async () => {
    const email = 'ana.rt@example.org';
    const first = tokenOf(email, testIncarnation(Date.now() - 60_000));
    const second = tokenOf(email, testIncarnation(Date.now() - 1_000));
    const bystander = tokenOf('bea.rt@example.org', testIncarnation(Date.now() - 60_000));
    const old = await connect(stack.urls.realtime[0]!, first);
    const other = await connect(stack.urls.realtime[0]!, bystander);
    const withoutIncarnation = await connect(stack.urls.realtime[0]!, signTestToken(email, 'customer'));
    for (const result of [old, other, withoutIncarnation]) {
      expect(result.socket?.connected).toBe(true);
      sockets.push(result.socket!);
    }
    const closed = disconnected(old.socket!);

    // The new account's first request, to the customer app (not the realtime app).
    expect((await stack.customer.get('/status', { token: second })).status).toBe(200);
    const started = Date.now();
    expect(await closed).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(5000);

    expect(await connect(stack.urls.realtime[0]!, first)).toEqual({
      message: 'unauthorized',
      reason: 'account superseded',
    });
    const current = await connect(stack.urls.realtime[0]!, second);
    expect(current.socket?.connected).toBe(true);
    sockets.push(current.socket!);
    // Neither another email nor a token without an incarnation is touched.
    expect(other.socket!.connected).toBe(true);
    expect(withoutIncarnation.socket!.connected).toBe(true);
  });
});
