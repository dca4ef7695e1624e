import { REALTIME_INVALID_LAST_EVENT_ID, REALTIME_UNAUTHORIZED } from '@shopwire/contracts';
import { signTestToken } from '@shopwire/testing';
import { io } from 'socket.io-client';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedAuthorizations, refusedAuthorizations } from './harness/bad-tokens.js';
import { expectStillLive } from './harness/fuzz-endpoint.js';
import { fuzzRuns, fuzzTestTimeout } from './harness/fuzz-settings.js';
import { hostileJson, hostileString, toJsonText } from './harness/hostile-values.js';
import { rawHandshake } from './harness/raw-handshake.js';
import { useSecurityStack } from './harness/security-stack.js';

type Outcome = { connected: true } | { connected: false; message: string };

/** One raw Socket.IO handshake; how it ended. */
function handshake(url: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = io(url, {
      transports: ['websocket'],
      auth,
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
      timeout: 5_000,
    });
    socket.on('connect', () => (socket.disconnect(), resolve({ connected: true })));
    socket.on('connect_error', (error) => (socket.disconnect(), resolve({ connected: false, message: error.message })));
  });
}

/** The bare token of an `Authorization` value, as a browser client puts it in `auth.token`. */
const bareToken = (authorization: string | undefined) => authorization?.replace(/^Bearer\s*/, '') ?? undefined;

/**
 * The HTTP matrix, minus what legitimately connects here: every role has a live feed (owners get
 * statistics signals), so no role is "wrong"; and `auth.token` carries a bare token by design.
 */
function refusedAtHandshake(role: 'customer' | 'courier', via: 'auth' | 'header') {
  return refusedAuthorizations(role, `${role}@example.org`).filter(
    ([label]) =>
      !['the wrong role', 'another wrong role'].includes(label) &&
      (via === 'header' || label !== 'the token without a scheme'),
  );
}

describe('token matrix at the realtime handshake', () => {
  const stack = useSecurityStack('sec_rt_tokens', ['realtime']);

  it.each(['customer', 'courier'] as const)('refuses every bad %s token with connect_error', async (role) => {
    const wrong: string[] = [];
    for (const [label, authorization] of refusedAtHandshake(role, 'auth')) {
      const outcome = await handshake(stack.url('realtime'), { token: bareToken(authorization) });
      if (outcome.connected || outcome.message !== REALTIME_UNAUTHORIZED)
        wrong.push(`${label}: ${JSON.stringify(outcome)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses the same matrix sent as an Authorization header (non-browser clients)', async () => {
    const wrong: string[] = [];
    for (const [label, authorization] of refusedAtHandshake('customer', 'header')) {
      const outcome = await handshake(stack.url('realtime'), {}, authorization ? { authorization } : {});
      if (outcome.connected) wrong.push(label);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses non-string tokens', async () => {
    for (const token of [42, { sub: 'x' }, ['a'], '']) {
      expect(await handshake(stack.url('realtime'), { token })).toEqual({
        connected: false,
        message: REALTIME_UNAUTHORIZED,
      });
    }
  });

  it.each([['x'], [-1], [1.5], [1e308], [{ $gt: 0 }], ['1; DROP TABLE order_events']])(
    'refuses lastEventId %j',
    async (lastEventId) => {
      const outcome = await handshake(stack.url('realtime'), {
        token: signTestToken('customer@example.org', 'customer'),
        lastEventId,
      });
      expect(outcome).toEqual({ connected: false, message: REALTIME_INVALID_LAST_EVENT_ID });
    },
  );

  it.each(['customer', 'courier'] as const)('accepts a %s token, fresh or inside the leeway', async (role) => {
    for (const [label, authorization] of acceptedAuthorizations(role, `${role}@example.org`)) {
      const outcome = await handshake(stack.url('realtime'), { token: bareToken(authorization) });
      expect({ label, outcome }).toEqual({ label, outcome: { connected: true } });
    }
  });

  it('accepts a valid token sent as an Authorization header', async () => {
    const authorization = `Bearer ${signTestToken('customer@example.org', 'customer')}`;
    expect(await handshake(stack.url('realtime'), {}, { authorization })).toEqual({ connected: true });
  });

  it(
    'survives fuzzed handshake payloads: nothing connects without a valid token, the app stays live',
    async () => {
      const payload = fc.oneof(
        fc.record({ token: fc.oneof(hostileString, hostileJson), lastEventId: hostileJson }, { requiredKeys: [] }),
        hostileJson,
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(payload.map(toJsonText), hostileString), async (text) => {
          expect(await rawHandshake(stack.url('realtime'), text)).not.toBe('connected');
        }),
        { numRuns: fuzzRuns() },
      );
      await expectStillLive(stack.url('realtime'));
    },
    fuzzTestTimeout(),
  );

  it(
    'with a valid token, connects exactly when the fuzzed lastEventId is absent or a non-negative integer',
    async () => {
      const token = signTestToken('customer@example.org', 'customer');
      await fc.assert(
        fc.asyncProperty(hostileJson, async (lastEventId) => {
          const text = `{"token":${JSON.stringify(token)},"lastEventId":${toJsonText(lastEventId)}}`;
          const parsed = (JSON.parse(text) as { lastEventId: unknown }).lastEventId;
          const acceptable = parsed === null || (Number.isSafeInteger(parsed) && (parsed as number) >= 0);
          expect(await rawHandshake(stack.url('realtime'), text)).toBe(acceptable ? 'connected' : 'refused');
        }),
        { numRuns: fuzzRuns() },
      );
    },
    fuzzTestTimeout(),
  );

  it('the raw handshake does connect with a valid token (so the fuzz above can fail)', async () => {
    const token = signTestToken('customer@example.org', 'customer');
    expect(await rawHandshake(stack.url('realtime'), JSON.stringify({ token }))).toBe('connected');
    expect(await rawHandshake(stack.url('realtime'), JSON.stringify({ token: `${token}x` }))).toBe('refused');
  });
});
