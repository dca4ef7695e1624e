import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { releaseUpgradeRequests } from './upgrade-request-release.js';

/**
 * Socket.IO server options that depend on config. WebSocket transport only: every message of a
 * connection then reaches the same replica without sticky sessions behind a load balancer.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly corsOrigins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const overrides: Partial<ServerOptions> = {
      transports: ['websocket'],
      cors: { origin: this.corsOrigins },
      // Serves /socket.io/socket.io.esm.min.js, which the web page imports.
      serveClient: true,
      // Stated, not left to a default: compression would keep a zlib context per connection.
      perMessageDeflate: false,
    };
    const server: Server = super.createIOServer(port, { ...options, ...overrides } as ServerOptions);
    releaseUpgradeRequests(server);
    return server;
  }

  /**
   * Nest calls this for every connection, and builds an rxjs disconnect stream for the socket even
   * when the gateway has no @SubscribeMessage handlers (ours has none: `courier.location` is a raw
   * listener). Skipping the empty case saves four observables per idle socket.
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = args;
    if (handlers.length > 0) super.bindMessageHandlers(...args);
  }
}
