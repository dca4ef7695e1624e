import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { REALTIME_UNAUTHORIZED } from '@shopwire/contracts';
import { JwtVerifier } from '@shopwire/security';
import { EventFanOut } from '../events/event-fan-out.js';
import { ReplayService } from '../events/replay.service.js';
import { CourierLocationService } from '../location/courier-location.service.js';
import { CourierOrders } from '../location/courier-orders.js';
import { CustomerLocationFeed } from '../location/customer-location-feed.js';
import { realtimeMetrics } from '../realtime.metrics.js';
import { authenticateHandshake } from './handshake-auth.js';
import type { RealtimeServer, RealtimeSocket } from './realtime-socket.js';
import { SupersededConnections } from './superseded-connections.js';
import { TokenExpiry } from './token-expiry.js';

/**
 * The live endpoint (Socket.IO on the app's HTTP server, path /socket.io). Refuses handshakes
 * without a valid customer/courier token, resumes each connection from its `lastEventId`, and
 * disconnects a socket when its token expires.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  private readonly expiry = new TokenExpiry();

  constructor(
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(EventFanOut) private readonly fanOut: EventFanOut,
    @Inject(ReplayService) private readonly replay: ReplayService,
    @Inject(CourierOrders) private readonly courierOrders: CourierOrders,
    @Inject(CourierLocationService) private readonly locations: CourierLocationService,
    @Inject(CustomerLocationFeed) private readonly locationFeed: CustomerLocationFeed,
    @Inject(SupersededConnections) private readonly superseded: SupersededConnections,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.use((socket, next) => {
      const header = socket.handshake.headers.authorization;
      const outcome = authenticateHandshake(
        { auth: socket.handshake.auth, authorization: typeof header === 'string' ? header : undefined },
        (token) => this.verifier.verify(token),
      );
      const refuse = (message: string, reason: string) => {
        const error = new Error(message) as Error & { data?: unknown };
        error.data = { reason };
        next(error);
      };
      if (!outcome.ok) return refuse(outcome.message, outcome.reason);
      // A deleted account's token whose email registered again (ADR 0017): same answer as a bad token.
      void this.superseded.refuses(outcome.data).then((superseded) => {
        if (superseded) return refuse(REALTIME_UNAUTHORIZED, 'account superseded');
        socket.data = outcome.data;
        next();
      });
    });
    this.fanOut.attach(server);
    this.locationFeed.attachServer(server);
  }

  async handleConnection(socket: RealtimeSocket): Promise<void> {
    realtimeMetrics.sockets.inc();
    this.expiry.track(socket);
    this.superseded.track(socket);
    const courierOrdersLoaded = this.listenForLocations(socket);
    try {
      await Promise.all([this.replay.start(socket), courierOrdersLoaded]);
      if (socket.data.role === 'customer' && socket.connected) await this.locationFeed.attach(socket);
    } catch (error) {
      this.logger.error({ err: error }, 'connection setup failed');
      socket.disconnect(true);
    }
  }

  onModuleDestroy(): void {
    this.expiry.stop();
  }

  handleDisconnect(socket: RealtimeSocket): void {
    realtimeMetrics.sockets.dec();
    this.expiry.forget(socket);
    this.fanOut.forget(socket);
    this.superseded.forget(socket);
    if (socket.data.role === 'courier') this.courierOrders.detach(socket.data.email);
    else this.locationFeed.detach(socket);
  }

  /**
   * `courier.location` from any socket gets an ack (refused for non-couriers). Registered at once
   * so no early report is lost; a courier's reports wait for its PENDING orders to be loaded.
   */
  private listenForLocations(socket: RealtimeSocket): Promise<void> {
    const loaded = socket.data.role === 'courier' ? this.courierOrders.attach(socket.data.email) : Promise.resolve();
    socket.on('courier.location', (report, ack) => {
      const answer = loaded.then(() => this.locations.report(socket.data, report));
      answer.then(
        (reply) => (typeof ack === 'function' ? ack(reply) : undefined),
        (error: unknown) => this.logger.warn({ err: error }, 'courier.location failed'),
      );
    });
    return loaded;
  }
}
