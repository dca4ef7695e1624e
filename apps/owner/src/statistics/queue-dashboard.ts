import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';
import { JwtVerifier } from '@shopwire/security';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DashboardQueues } from './dashboard-queues.js';

export const QUEUE_DASHBOARD_PATH = '/queues';

/**
 * bull-board at /queues, for owners only: every request (page, assets, API) needs an owner
 * access token (`Authorization: Bearer`); anything else gets the contract's 401.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(DashboardQueues) private readonly dashboardQueues: DashboardQueues,
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
      scope.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
        const header = request.headers.authorization;
        const claims = this.verifier.verifyAuthorizationHeader(Array.isArray(header) ? header[0] : header);
        if (claims?.roles === 'owner') return done();
        void reply.code(401).send({ msg: UNAUTHORIZED_MESSAGE });
      });
      await scope.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
    });
  }
}
