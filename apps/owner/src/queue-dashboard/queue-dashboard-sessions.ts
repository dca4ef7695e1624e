import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AccessTokenClaims } from '@shopwire/contracts';
import type { Redis } from 'ioredis';
import { DashboardQueues } from './dashboard-queues.js';

/** A ticket must be redeemed this quickly: it travels in a URL, so it is short-lived and single-use. */
export const TICKET_TTL_SECONDS = 30;
/** A dashboard session lasts at most this long (and never beyond the owner's access token). */
export const SESSION_TTL_SECONDS = 15 * 60;
export const SESSION_COOKIE = 'queues_session';

const KEY_PREFIX = 'shopwire:queue-dashboard';

export interface IssuedTicket {
  ticket: string;
  expiresInSeconds: number;
}

export interface DashboardSession {
  id: string;
  maxAgeSeconds: number;
}

/** Only the hash is stored: a Redis dump does not hand out live tickets or sessions. */
const keyOf = (kind: 'ticket' | 'session', secret: string) =>
  `${KEY_PREFIX}:${kind}:${createHash('sha256').update(secret).digest('base64url')}`;

/**
 * Browser access to the queue dashboard for owners (a browser cannot add an Authorization header
 * to a navigation). An owner's bearer request gets a one-time ticket; redeeming it gives a random
 * session id for an HttpOnly cookie. Both live in Redis with a TTL, so any owner replica accepts
 * them, a ticket is redeemed at most once (GETDEL), and a session ends by itself.
 */
@Injectable()
export class QueueDashboardSessions {
  private readonly redis: Redis;

  constructor(@Inject(DashboardQueues) queues: DashboardQueues) {
    this.redis = queues.connection;
  }

  async issueTicket(owner: AccessTokenClaims): Promise<IssuedTicket> {
    const ticket = randomBytes(32).toString('base64url');
    const ttl = Math.min(TICKET_TTL_SECONDS, secondsLeft(owner.exp));
    if (ttl <= 0) throw new Error('access token already expired');
    await this.redis.set(keyOf('ticket', ticket), String(owner.exp), 'EX', ttl);
    return { ticket, expiresInSeconds: ttl };
  }

  /** The session for a valid ticket (consuming it), or null for an unknown, used or expired one. */
  async redeem(ticket: string): Promise<DashboardSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(ticket)) return null;
    const tokenExp = await this.redis.getdel(keyOf('ticket', ticket));
    if (tokenExp === null) return null;
    const maxAgeSeconds = Math.min(SESSION_TTL_SECONDS, secondsLeft(Number(tokenExp)));
    if (maxAgeSeconds <= 0) return null;
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(keyOf('session', id), '1', 'EX', maxAgeSeconds);
    return { id, maxAgeSeconds };
  }

  async isValidSession(id: string | undefined): Promise<boolean> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return false;
    return (await this.redis.exists(keyOf('session', id))) === 1;
  }
}

function secondsLeft(exp: number): number {
  return Math.floor(exp - Date.now() / 1000);
}

/** The session id from a Cookie header, if any. */
export function sessionIdFromCookies(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/** Set-Cookie for a session: sent only to /queues on this origin, invisible to scripts. */
export function sessionCookie(session: DashboardSession): string {
  return `${SESSION_COOKIE}=${session.id}; Max-Age=${session.maxAgeSeconds}; Path=/queues; HttpOnly; SameSite=Strict`;
}
