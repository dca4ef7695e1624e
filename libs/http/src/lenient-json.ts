import type { FastifyInstance } from 'fastify';

/**
 * Contract §0.2: a missing or empty body, invalid JSON, or JSON that is not an object is `{}`.
 * Bodies of any other content type are not read at all (also `{}`), so clients never see 415.
 */
export function registerLenientBodyParsing(fastify: FastifyInstance): void {
  // Fastify answers 415 to a Content-Type it cannot even parse ("foo", ";;;", "") before any
  // parser runs; such a body is as unreadable as any other, so it goes to the catch-all below.
  fastify.addHook('onRequest', (request, _reply, done) => {
    const type = request.headers['content-type'];
    if (type !== undefined && !isWellFormedContentType(type)) request.headers['content-type'] = UNREADABLE_BODY_TYPE;
    done();
  });
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseObjectOrEmpty(body as string));
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, {}));
}

const UNREADABLE_BODY_TYPE = 'application/octet-stream';
const MEDIA_TYPE = /^\s*[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*(;|$)/;

/** `type/subtype[; params]` as Fastify's content-type parser accepts it. */
export function isWellFormedContentType(value: string): boolean {
  return MEDIA_TYPE.test(value);
}

export function parseObjectOrEmpty(text: string): Record<string, unknown> {
  if (text.length === 0) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The body as the contract sees it: always a plain object. */
export function bodyObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
