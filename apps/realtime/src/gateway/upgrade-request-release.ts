import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'socket.io';

type HandleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Lets each connection's HTTP upgrade request be garbage-collected once its socket is connected,
 * instead of living as long as the socket (~2–3 KB each: the request, its headers and raw headers).
 * Two things hold it:
 * - engine.io's `conn.request`, read only to build `socket.handshake` when a namespace is joined:
 *   cleared on `connection` (the handshake, headers included, stays as it was);
 * - engine.io 6.6 wraps every upgrade in a `WebSocketResponse(req, socket)` whose
 *   `socket.once('close', ...)` exists only for `io.engine.use()` middlewares that wait for the
 *   response's `close`: this app registers none, so that listener is removed as soon as the
 *   upgrade has been handed over. The socket.io docs' "Memory usage" page recommends the first.
 */
export function releaseUpgradeRequests(server: Server): void {
  const engine = server.engine as unknown as { handleUpgrade: HandleUpgrade };
  const handleUpgrade = engine.handleUpgrade.bind(engine);
  engine.handleUpgrade = (req, socket, head) => {
    const before = socket.listenerCount('close');
    handleUpgrade(req, socket, head);
    // The first 'close' listener added is WebSocketResponse's (its constructor runs first), and
    // the only `once` one (a wrapper with `.listener`); ws's own listener (`on`) must stay.
    const responseClose = socket.rawListeners('close')[before] as (() => void) & { listener?: unknown };
    if (typeof responseClose?.listener === 'function') socket.removeListener('close', responseClose);
  };
  server.on('connection', (socket) => {
    (socket.conn as { request: IncomingMessage | null }).request = null;
  });
}
