import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Messages, UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { isDatabaseUnavailableError } from '@shopwire/database';
import { UnauthorizedError } from '@shopwire/security';
import type { FastifyReply } from 'fastify';
import { ContractError } from './contract-error.js';

/**
 * The contract edge: every error leaves as `{"message": ...}` (or 401 `{"msg": ...}`) — never
 * Nest's default JSON, never a stack trace or SQL text.
 */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ContractExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body, headers] = this.toResponse(error);
    for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
    void reply.status(status).send(body);
  }

  private toResponse(error: unknown): [number, object, Record<string, string>] {
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
      this.logger.warn(`Dependency unavailable: ${(error as Error).message}`);
      return [503, { message: Messages.serviceUnavailable }, { 'Retry-After': '1' }];
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [500, { message: Messages.internalError }, {}];
  }
}
