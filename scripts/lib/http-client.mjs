// An HTTP call that never throws: it reports the status (0 when no response came), the parsed
// body, how long it took, and the transport error if any. Every call has a time bound.
/* global AbortSignal */
import { performance } from 'node:perf_hooks';

export async function call(method, url, { token, body, headers = {}, timeoutMs = 10_000 } = {}) {
  const began = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, text, ms: performance.now() - began };
  } catch (error) {
    const cause = error.cause?.code ?? error.name ?? 'error';
    return { status: 0, error: String(cause), ms: performance.now() - began };
  }
}

/** Client of one service with a fixed base URL. */
export function serviceClient(baseUrl) {
  return {
    get: (path, options) => call('GET', `${baseUrl}${path}`, options),
    post: (path, body, options) => call('POST', `${baseUrl}${path}`, { ...options, body }),
  };
}
