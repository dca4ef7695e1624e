import { Inject, Logger } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { CLOCK_LEEWAY_SECONDS } from '@shopwire/contracts';
import { JwtVerifier } from '@shopwire/security';
import { EventFanOut } from '../events/event-fan-out.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { authenticateHandshake } from './handshake-auth.js';
import type { RealtimeServer, RealtimeSocket } from './realtime-socket.js';
import { ReplayService } from './replay.service.js';

/** setTimeout's largest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The live endpoint (Socket.IO on the app's HTTP server, path /socket.io). Refuses handshakes
 * without a valid customer/courier token, resumes each connection from its `lastEventId`, and
 * disconnects a socket when its token expires.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(EventFanOut) private readonly fanOut: EventFanOut,
    @Inject(ReplayService) private readonly replay: ReplayService,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      const header = socket.handshake.headers.authorization;
      const outcome = authenticateHandshake(
        { auth: socket.handshake.auth, authorization: typeof header === 'string' ? header : undefined },
        (token) => this.verifier.verify(token),
      );
      if (!outcome.ok) {
        const error = new Error(outcome.message) as Error & { data?: unknown };
        error.data = { reason: outcome.reason };
        return next(error);
      }
      socket.data = outcome.data;
      next();
    });
    this.fanOut.attach(server);
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    realtimeMetrics.sockets.inc();
    const expiresInMs = (socket.data.exp + CLOCK_LEEWAY_SECONDS) * 1000 - Date.now();
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, Math.min(expiresInMs, MAX_TIMER_MS)));
    timer.unref();
    this.expiryTimers.set(socket.id, timer);
    try {
      await this.replay.start(socket);
    } catch (error) {
      this.logger.error({ err: error }, 'connection setup failed');
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: RealtimeSocket): void {
    realtimeMetrics.sockets.dec();
    clearTimeout(this.expiryTimers.get(socket.id));
    this.expiryTimers.delete(socket.id);
    this.fanOut.forget(socket);
  }
}
