import { describe, expect, it } from 'vitest';
import { useSecurityStack } from './harness/security-stack.js';
import { sendRequest } from './harness/send-request.js';
import type { ServiceName } from './harness/services.js';

const SERVICES: ServiceName[] = ['auth', 'owner', 'customer', 'courier', 'realtime'];
/** The default CORS_ORIGINS: the realtime app's own page. */
const ALLOWED_ORIGIN = 'http://localhost:5004';
const FOREIGN_ORIGIN = 'https://evil.example';

/** Responses of each kind an app gives: success, contract 401/400-style error, unknown path. */
const PROBES = [
  { label: 'a health probe', method: 'GET', path: '/health/live' },
  { label: 'an unknown path (404)', method: 'GET', path: '/definitely-not-here' },
  { label: 'a POST to an unknown path', method: 'POST', path: '/nope' },
] as const;

describe('HTTP security hygiene of every app', () => {
  const stack = useSecurityStack('sec_headers', SERVICES);

  it.each(SERVICES)('%s sends helmet security headers on every response and hides the framework', async (service) => {
    for (const probe of PROBES) {
      const { headers } = await sendRequest(stack.url(service), { ...probe, headers: {} });
      expect({ probe: probe.label, headers }).toMatchObject({
        probe: probe.label,
        headers: {
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
          'strict-transport-security': expect.stringContaining('max-age='),
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'x-dns-prefetch-control': 'off',
        },
      });
      expect(headers['x-powered-by']).toBeUndefined();
      expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe/);
    }
  });

  it.each(SERVICES)('%s grants CORS to the configured origin only', async (service) => {
    const allowed = await sendRequest(stack.url(service), {
      method: 'GET',
      path: '/health/live',
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    const foreign = await sendRequest(stack.url(service), {
      method: 'GET',
      path: '/health/live',
      headers: { origin: FOREIGN_ORIGIN },
    });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(SERVICES)('%s answers a CORS preflight for the configured origin only', async (service) => {
    const preflight = (origin: string) =>
      sendRequest(stack.url(service), {
        method: 'OPTIONS',
        path: '/health/live',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight(ALLOWED_ORIGIN)).headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect((await preflight(FOREIGN_ORIGIN)).headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/lib/realtime-client/../../../../package.json',
    '/lib/realtime-client/..%2f..%2f..%2f..%2fpackage.json',
    '/lib/realtime-client/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/%00/../package.json',
  ])('realtime serves nothing outside its web directories: %s', async (path) => {
    const response = await sendRequest(stack.url('realtime'), { method: 'GET', path, headers: {} });
    expect(response.status).toBeLessThan(500);
    expect(response.text).not.toContain('"name": "shopwire"');
  });

  it('realtime does serve its own page (so the traversal checks above look in the right place)', async () => {
    const response = await sendRequest(stack.url('realtime'), { method: 'GET', path: '/', headers: {} });
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html');
    // The page's own policy (web-app-csp.ts), not the services' default with its inline styles.
    expect(response.headers['content-security-policy']).toContain("style-src 'self';");
  });
});
