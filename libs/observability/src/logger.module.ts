import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** Paths pino replaces with "[Redacted]": credentials never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.token',
  '*.JWT_SECRET',
  '*.jwtSecret',
];

/** Honours an incoming X-Request-Id (bounded, printable) or makes one. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  if (typeof incoming === 'string' && /^[\x21-\x7e]{1,128}$/.test(incoming)) return incoming;
  return randomUUID();
}

/** Structured JSON logs (pino) with a request id on every line of a request. */
@Module({})
export class ObservabilityLoggerModule {
  static forRoot(options: { service: string; level: string }): DynamicModule {
    return {
      module: ObservabilityLoggerModule,
      imports: [
        LoggerModule.forRoot({
          // nestjs-pino's default route pattern does not match under the Fastify adapter here.
          forRoutes: [{ path: '*', method: RequestMethod.ALL }],
          pinoHttp: {
            level: options.level,
            base: { service: options.service },
            redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
            genReqId: (req) => requestIdOf(req),
            customProps: () => ({}),
            // Health and metrics probes would drown the request log.
            autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
