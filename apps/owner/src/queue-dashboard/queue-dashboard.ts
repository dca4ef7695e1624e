import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { JwtVerifier } from '@shopwire/security';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DashboardQueues } from './dashboard-queues.js';
import { DASHBOARD_CSP, withoutExternalResources } from './offline-html.js';
import { QueueDashboardSessions, sessionIdFromCookies } from './queue-dashboard-sessions.js';

export const QUEUE_DASHBOARD_PATH = '/queues';

/**
 * bull-board at /queues, for owners only: every request (page, assets, API) needs an owner
 * access token (`Authorization: Bearer`) or the dashboard session cookie a browser gets through
 * /queues/session; anything else gets the contract's 401. Served without any internet resource.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(DashboardQueues) private readonly dashboardQueues: DashboardQueues,
    @Inject(QueueDashboardSessions) private readonly sessions: QueueDashboardSessions,
  ) {}

  onModuleInit(): void {
    const board = new FastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.dashboardQueues.queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })),
      serverAdapter: board,
    });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // An encapsulated scope: the owner check applies to the dashboard routes and nothing else.
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        if (await this.isOwner(request)) return;
        await reply.code(401).send({ msg: UNAUTHORIZED_MESSAGE });
      });
      scope.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        void reply.header('Content-Security-Policy', DASHBOARD_CSP);
        const type = String(reply.getHeader('content-type') ?? '');
        return typeof payload === 'string' && type.startsWith('text/html')
          ? withoutExternalResources(payload)
          : payload;
      });
      await scope.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
    });
  }

  private async isOwner(request: FastifyRequest): Promise<boolean> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      return this.verifier.verifyAuthorizationHeader(Array.isArray(header) ? header[0] : header)?.roles === 'owner';
    }
    return this.sessions.isValidSession(sessionIdFromCookies(request.headers.cookie)).catch(() => false);
  }
}
