import { signTestToken, type HttpClient } from '@shopwire/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreStack, type StoreStack } from '@shopwire/test-support';

const OWNER_EMAIL = 'onlymoney@gmail.com';
const UNAUTHORIZED = '{"msg":"Missing Authorization Header"}';
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The Set-Cookie attributes, by lower-cased name (the cookie itself under its own name). */
function cookieAttributes(header: string): Map<string, string> {
  return new Map(
    header.split(';').map((part) => {
      const [name, ...value] = part.trim().split('=');
      return [name!.toLowerCase(), value.join('=')];
    }),
  );
}

describe('queue dashboard from a browser: one-time ticket → session cookie (ADR 0008)', () => {
  let stack: StoreStack;
  let api: HttpClient;
  let base: string;

  async function ticketFor(token: string): Promise<string> {
    const response = await api.post('/queues/ticket', undefined, { token });
    expect(response.status).toBe(200);
    expect(response.body.url).toBe(`/queues/session?ticket=${response.body.ticket}`);
    return response.body.url as string;
  }

  /** Redeems like a browser would (no redirect following): status, page and the session cookie. */
  async function redeem(url: string) {
    const response = await fetch(base + url, { redirect: 'manual' });
    return { status: response.status, text: await response.text(), setCookie: response.headers.get('set-cookie') };
  }

  const withCookie = (path: string, cookie: string) => fetch(base + path, { headers: { cookie } });

  beforeAll(async () => {
    stack = await startStoreStack({ label: 'owner_queues', owner: 1 });
    api = stack.owner;
    base = stack.urls.owner[0]!;
  });
  afterAll(() => stack?.close());

  it('issues tickets to owners only (the contract 401 otherwise)', async () => {
    for (const token of [
      undefined,
      signTestToken('ana@example.org', 'customer'),
      signTestToken('bob@example.org', 'courier'),
      signTestToken(OWNER_EMAIL, 'owner', { exp: nowSeconds() - 120 }),
    ]) {
      const response = await api.post('/queues/ticket', undefined, { token });
      expect(response.status).toBe(401);
      expect(response.text).toBe(UNAUTHORIZED);
    }
  });

  it('turns an owner ticket into an HttpOnly, SameSite=Strict cookie for /queues that opens the board', async () => {
    const { status, text, setCookie } = await redeem(await ticketFor(signTestToken(OWNER_EMAIL, 'owner')));
    expect(status).toBe(200);
    expect(text).toContain('url=/queues"');
    const attributes = cookieAttributes(setCookie!);
    expect(attributes.has('httponly')).toBe(true);
    expect(attributes.get('samesite')).toBe('Strict');
    expect(attributes.get('path')).toBe('/queues');
    const maxAge = Number(attributes.get('max-age'));
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(15 * 60);

    const cookie = setCookie!.split(';')[0]!;
    const board = await withCookie('/queues', cookie);
    expect(board.status).toBe(200);
    const html = await board.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(board.headers.get('content-security-policy')).toContain("default-src 'self'");
    const queues = await withCookie('/queues/api/queues', cookie);
    expect(queues.status).toBe(200);
    expect(await queues.text()).toContain('statistics');
    // The cookie opens the dashboard and nothing else: the statistics API still wants a token.
    expect((await withCookie('/product_statistics', cookie)).status).toBe(401);
  });

  it('redeems a ticket once', async () => {
    const url = await ticketFor(signTestToken(OWNER_EMAIL, 'owner'));
    expect((await redeem(url)).status).toBe(200);
    const again = await redeem(url);
    expect(again.status).toBe(401);
    expect(again.setCookie).toBeNull();
  });

  it('refuses unknown tickets and forged or missing cookies', async () => {
    for (const url of ['/queues/session', '/queues/session?ticket=', `/queues/session?ticket=${'A'.repeat(43)}`]) {
      expect((await redeem(url)).status).toBe(401);
    }
    for (const cookie of ['', `queues_session=${'A'.repeat(43)}`, 'queues_session=../../etc']) {
      const response = await withCookie('/queues', cookie);
      expect(response.status).toBe(401);
      expect(await response.text()).toBe(UNAUTHORIZED);
    }
  });

  it('lets tickets and sessions expire, never outliving the owner token', async () => {
    // A token with 4 s left (a busy machine may take one of them): ticket and session last at most that.
    const shortLived = signTestToken(OWNER_EMAIL, 'owner', { exp: nowSeconds() + 4 });
    const unused = await ticketFor(shortLived);
    const { setCookie } = await redeem(await ticketFor(shortLived));
    const cookie = setCookie!.split(';')[0]!;
    expect(Number(cookieAttributes(setCookie!).get('max-age'))).toBeLessThanOrEqual(4);
    expect((await withCookie('/queues', cookie)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 5100));
    expect((await redeem(unused)).status).toBe(401);
    expect((await withCookie('/queues', cookie)).status).toBe(401);
  });
});
