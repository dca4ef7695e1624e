import type { FastifyInstance } from 'fastify';

/**
 * Contract §0.2: a missing or empty body, invalid JSON, or JSON that is not an object is `{}`.
 * Bodies of any other content type are not read at all (also `{}`), so clients never see 415.
 */
export function registerLenientBodyParsing(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseObjectOrEmpty(body as string));
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, {}));
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
