import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@shopwire/http';
import { OrderEventsSubscriber } from '@shopwire/ordering';
import { openStoreDatabase } from '@shopwire/store-data';
import { RealtimeIoAdapter } from './gateway/realtime-io.adapter.js';
import { createLocationSubscriber } from './location/customer-location-feed.js';
import { createLocationPublisher } from './location/location-relay.js';
import { RealtimeAppModule } from './realtime-app.module.js';
import type { RealtimeConfig } from './realtime.config.js';
import { webAppCsp } from './web/web-app-csp.js';
import { serveWebApp, webAppDir } from './web/web-assets.js';

/**
 * Opens the store database (read side of order_events), the order-events channel and the position
 * connections, and builds the app: Socket.IO gateway on the Fastify server, health/metrics/docs,
 * the web app at /.
 */
export async function createRealtimeApp(config: RealtimeConfig): Promise<NestFastifyApplication> {
  const csp = webAppCsp(config); // before anything opens: a tile URL no policy can express stops here
  const dataSource = await openStoreDatabase(config.STORE_DATABASE_URL, config.DB_POOL_SIZE);
  const redis = {
    orderEvents: new OrderEventsSubscriber(config.REDIS_URL),
    locationPublisher: createLocationPublisher(config.REDIS_URL),
    locationSubscriber: createLocationSubscriber(config.REDIS_URL),
  };
  return createHttpApp(RealtimeAppModule.forRoot(config, dataSource, redis), {
    service: 'realtime',
    logLevel: config.LOG_LEVEL,
    description: 'Live order events over Socket.IO (docs/realtime.md), health, metrics and the web app.',
    corsOrigins: config.CORS_ORIGINS,
    trustProxy: config.TRUST_PROXY,
    configure: (app) => {
      app.useWebSocketAdapter(new RealtimeIoAdapter(app, config.CORS_ORIGINS));
      serveWebApp(app, webAppDir(config.WEB_DIR), csp);
    },
  });
}
