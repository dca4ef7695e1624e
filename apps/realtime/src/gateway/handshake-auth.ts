import {
  incarnationOfTokenId,
  REALTIME_INVALID_LAST_EVENT_ID,
  REALTIME_ROLES,
  REALTIME_UNAUTHORIZED,
  type AccessTokenClaims,
} from '@shopwire/contracts';
import type { RealtimeSocketData } from './realtime-socket.js';

export type HandshakeOutcome = { ok: true; data: RealtimeSocketData } | { ok: false; message: string; reason: string };

interface HandshakeInput {
  /** `socket.handshake.auth`: whatever the client sent. */
  auth: unknown;
  /** `Authorization` header, for non-browser clients that prefer it to `auth.token`. */
  authorization?: string;
}

function refuse(message: string, reason: string): HandshakeOutcome {
  return { ok: false, message, reason };
}

/**
 * Decides whether a Socket.IO handshake may connect. The token is checked by the same verifier as
 * the HTTP guard (contract §1.3); only customers and couriers have a live feed. `lastEventId`, when
 * given, must be a non-negative integer (the resume point for replay).
 */
export function authenticateHandshake(
  input: HandshakeInput,
  verify: (token: string) => AccessTokenClaims | null,
): HandshakeOutcome {
  const auth = typeof input.auth === 'object' && input.auth !== null ? (input.auth as Record<string, unknown>) : {};
  const bearer = input.authorization?.startsWith('Bearer ') ? input.authorization.slice(7).trim() : undefined;
  const token = typeof auth.token === 'string' && auth.token.length > 0 ? auth.token : bearer;
  if (!token) return refuse(REALTIME_UNAUTHORIZED, 'missing token');

  const claims = verify(token);
  if (!claims) return refuse(REALTIME_UNAUTHORIZED, 'invalid or expired token');
  if (!REALTIME_ROLES.includes(claims.roles)) return refuse(REALTIME_UNAUTHORIZED, 'role not allowed');

  const { lastEventId } = auth;
  if (lastEventId !== undefined && lastEventId !== null) {
    if (typeof lastEventId !== 'number' || !Number.isSafeInteger(lastEventId) || lastEventId < 0) {
      return refuse(REALTIME_INVALID_LAST_EVENT_ID, 'lastEventId must be a non-negative integer');
    }
  }
  return {
    ok: true,
    data: {
      email: claims.sub,
      role: claims.roles,
      exp: claims.exp,
      incarnation: incarnationOfTokenId(claims.jti),
      lastEventId: typeof lastEventId === 'number' ? lastEventId : undefined,
    },
  };
}
