import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { afterAll, describe, expect, it } from 'vitest';
import { INLINE_STYLES_CSP } from './content-security-policy.js';
import { type SecurityHeaderOptions, registerSecurityHeaders, securityHeaders } from './security-headers.js';

const OPTIONS: SecurityHeaderOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: INLINE_STYLES_CSP },
  frameguard: { action: 'deny' },
};
const OWN_POLICY = "default-src 'none'";

function withRoutes(app: FastifyInstance): FastifyInstance {
  app.get('/json', async () => ({ ok: true }));
  app.get('/page', async (_request, reply) => reply.header('content-security-policy', OWN_POLICY).send('<p>'));
  return app;
}

/** What @fastify/helmet did: helmet's middleware, built and run on every request. */
function perRequestHelmet(): FastifyInstance {
  const app = Fastify();
  app.addHook('onRequest', (request, reply, done) =>
    helmet(OPTIONS as HelmetOptions)(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  return withRoutes(app);
}

function computedOnce(): FastifyInstance {
  const app = Fastify();
  registerSecurityHeaders(app, OPTIONS);
  return withRoutes(app);
}

const apps = { reference: perRequestHelmet(), computedOnce: computedOnce() };
afterAll(() => Promise.all(Object.values(apps).map((app) => app.close())));

/** Header lines as the response holds them (names as set, in order), without the clock's. */
async function headerLines(app: FastifyInstance, url: string): Promise<string[]> {
  const { res } = (await app.inject({ method: 'GET', url })).raw;
  // Typed on ClientRequest only, though every OutgoingMessage has it.
  const names = (res as unknown as { getRawHeaderNames(): string[] }).getRawHeaderNames();
  return names.filter((name) => name.toLowerCase() !== 'date').map((name) => `${name}: ${String(res.getHeader(name))}`);
}

describe('security headers computed once', () => {
  it.each(['/json', '/page', '/no-such-route'])(
    'sends on %s what per-request helmet sends, in its order',
    async (url) => {
      const reference = await headerLines(apps.reference, url);
      expect(reference.some((line) => line.startsWith('Strict-Transport-Security: '))).toBe(true);
      expect(await headerLines(apps.computedOnce, url)).toEqual(reference);
    },
  );

  it('carries our policy, and a route replaces it with its own', async () => {
    const json = await apps.computedOnce.inject({ method: 'GET', url: '/json' });
    expect(json.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline';");
    expect(json.headers['content-security-policy']).toContain("script-src 'self';");
    expect(json.headers['x-frame-options']).toBe('DENY');
    const page = await apps.computedOnce.inject({ method: 'GET', url: '/page' });
    expect(page.headers['content-security-policy']).toBe(OWN_POLICY);
  });

  it('records what helmet sets, the policy and the framing refusal among it', () => {
    const names = securityHeaders(OPTIONS).map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Frame-Options']));
    expect(new Set(names).size).toBe(names.length);
  });
});
