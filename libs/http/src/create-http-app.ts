import type { IncomingMessage } from 'node:http';
import { LogController } from 'fastify';
import cors from '@fastify/cors';
import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  createRequestLogger,
  createRootLogger,
  PinoNestLogger,
  recordHttpRequest,
  requestIdOf,
} from '@shopwire/observability';
import { INLINE_STYLES_CSP } from './content-security-policy.js';
import { ContractExceptionFilter } from './contract-exception.filter.js';
import { registerLenientBodyParsing } from './lenient-json.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  /** Service name for logs and the OpenAPI title. */
  service: string;
  logLevel: string;
  description: string;
  corsOrigins: string[];
  /** Largest accepted request body in bytes (413 above it). */
  bodyLimit?: number;
  trustProxy?: boolean;
  /** Runs before the app initialises, e.g. to register fastify plugins such as multipart. */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const QUIET_ROUTES = /^\/(health|metrics)/;

/**
 * Builds one of the HTTP services on Fastify with the contract edge in place: lenient JSON,
 * one exception filter, CORS for the configured origins, security headers, request metrics,
 * structured logs, OpenAPI at /docs and /docs-json. The caller decides when to listen.
 */
export async function createHttpApp(
  module: Type | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  // One pino logger for the process: Fastify gives each request a child carrying its id.
  const logger = createRootLogger({ service: options.service, level: options.logLevel });
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    loggerInstance: logger,
    // One line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: false },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module as Type, adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.useGlobalFilters(new ContractExceptionFilter());
  // Signals are handled where the process is run (runHttpProcesses): one graceful stop per process.

  const logRequest = createRequestLogger({ service: options.service, level: options.logLevel });
  const fastify = app.getHttpAdapter().getInstance();
  registerLenientBodyParsing(fastify);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    recordHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    // Probes would drown the request log.
    if (!QUIET_ROUTES.test(route)) {
      logRequest({
        reqId: request.id,
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: reply.elapsedTime,
      });
    }
    done();
  });
  // helmet's other defaults (HSTS, nosniff, no-referrer, COOP, CORP...) stay; its CSP is replaced
  // by ours, and framing is refused outright (nothing here is meant to be framed).
  // Every response gets this policy; it fits /docs (Swagger UI's inline styles). A page with
  // needs of its own (the web app) sets its own header on its responses.
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: { useDefaults: false, directives: INLINE_STYLES_CSP },
    frameguard: { action: 'deny' },
  });
  await app.register(cors as never, { origin: options.corsOrigins, credentials: false } as never);
  await options.configure?.(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`shopwire ${options.service}`)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    // No badge fetched from (and no spec URL sent to) validator.swagger.io.
    swaggerOptions: { validatorUrl: null },
  });
  return app;
}

/** Listens and logs where: `<service> listening on http://host:port`. */
export async function listen(app: INestApplication, service: string, host: string, port: number): Promise<string> {
  await app.listen(port, host);
  const address = await app.getUrl();
  new Logger(service).log(`${service} listening on ${address.replace('[::1]', 'localhost')}`);
  return address;
}
