import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import { ContractError, Messages, UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { isDatabaseUnavailableError } from '@shopwire/database';
import { UnauthorizedError } from '@shopwire/security';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The contract edge: every error leaves as `{"message": ...}` (or 401 `{"msg": ...}`) — never
 * Nest's default JSON, never a stack trace or SQL text.
 */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    // The request's own logger: its lines carry the request id.
    const [status, body, headers] = this.toResponse(error, http.getRequest<FastifyRequest>().log);
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    void reply.status(status).send(body);
  }

  private toResponse(error: unknown, log: FastifyBaseLogger): [number, object, Record<string, string>] {
    if (error instanceof ContractError) return [error.status, { message: error.message }, error.headers];
    if (error instanceof UnauthorizedError) return [401, { msg: UNAUTHORIZED_MESSAGE }, {}];
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) return [404, { message: Messages.notFound }, {}];
      if (status === 413) return [413, { message: Messages.payloadTooLarge }, {}];
      if (status < 500) return [status, { message: error.message }, {}];
    }
    const fastifyStatus = (error as { statusCode?: unknown })?.statusCode;
    if (fastifyStatus === 413) return [413, { message: Messages.payloadTooLarge }, {}];
    // A single value too large for one database statement is, to the client, a request too large.
    if ((error as { code?: unknown })?.code === 'ER_NET_PACKET_TOO_LARGE') {
      return [413, { message: Messages.payloadTooLarge }, {}];
    }
    if (isDatabaseUnavailableError(error)) {
      log.warn({ err: error }, 'Dependency unavailable');
      return [503, { message: Messages.serviceUnavailable }, { 'Retry-After': '1' }];
    }
    // Name, code, message and stack only: driver errors also carry the SQL and its parameters.
    const { name, message, stack, code } = error as Error & { code?: unknown };
    log.error({ err: { name, code, message, stack } }, 'Unhandled error');
    return [500, { message: Messages.internalError }, {}];
  }
}
