import { Controller, Get, Header, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AccessTokenClaims, QueueDashboardTicketResponse } from '@shopwire/contracts';
import { ContractPost } from '@shopwire/http';
import { Claims, RequireRole } from '@shopwire/security';
import type { FastifyReply } from 'fastify';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard.js';
import { QueueDashboardSessions, sessionCookie } from './queue-dashboard-sessions.js';

export const TICKET_PATH = `${QUEUE_DASHBOARD_PATH}/ticket`;
export const SESSION_PATH = `${QUEUE_DASHBOARD_PATH}/session`;

/** Tiny self-contained pages: this endpoint is a browser navigation, not an API call. */
const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title>${head}</head><body style="font-family:system-ui,sans-serif;margin:2rem;line-height:1.5">${body}</body></html>`;

/**
 * Opens the queue dashboard from a browser: POST /queues/ticket (owner bearer token) → a one-time
 * ticket; GET /queues/session?ticket=… → HttpOnly session cookie for /queues, then on to the board.
 */
@ApiTags('queue dashboard')
@Controller()
export class QueueDashboardSessionController {
  constructor(@Inject(QueueDashboardSessions) private readonly sessions: QueueDashboardSessions) {}

  @ContractPost(TICKET_PATH.slice(1))
  @RequireRole('owner')
  @ApiBearerAuth()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A one-time ticket (30 s) that opens the queue dashboard in a browser.' })
  @ApiOkResponse({ schema: { example: { ticket: '…', url: '/queues/session?ticket=…', expiresInSeconds: 30 } } })
  @ApiUnauthorizedResponse({ schema: { example: { msg: 'Missing Authorization Header' } } })
  async ticket(@Claims() owner: AccessTokenClaims): Promise<QueueDashboardTicketResponse> {
    const issued = await this.sessions.issueTicket(owner);
    return { ...issued, url: `${SESSION_PATH}?ticket=${issued.ticket}` };
  }

  @Get(SESSION_PATH.slice(1))
  @ApiOperation({ summary: 'Redeems a ticket: sets the dashboard session cookie and opens /queues.' })
  async session(@Query('ticket') ticket: unknown, @Res() reply: FastifyReply): Promise<void> {
    const session = typeof ticket === 'string' ? await this.sessions.redeem(ticket) : null;
    void reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8');
    if (!session) {
      await reply
        .code(401)
        .send(
          page(
            'Link expired',
            '<h1>This link has expired</h1><p>Links to the queue dashboard work once, for 30 seconds. ' +
              'Go back to the owner page and choose “Queue dashboard” again.</p>',
          ),
        );
      return;
    }
    const secure = reply.request.protocol === 'https' ? '; Secure' : '';
    // A page that navigates on, not a 302: after a cross-site navigation a redirect would still
    // count as cross-site, and the browser would withhold the SameSite=Strict cookie it just got.
    await reply
      .header('Set-Cookie', sessionCookie(session) + secure)
      .header('Referrer-Policy', 'no-referrer')
      .send(
        page(
          'Opening the queue dashboard',
          `<p><a href="${QUEUE_DASHBOARD_PATH}">Open the queue dashboard</a></p>`,
          `<meta http-equiv="refresh" content="0;url=${QUEUE_DASHBOARD_PATH}">`,
        ),
      );
  }
}
