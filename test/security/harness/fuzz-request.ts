import fc from 'fast-check';
import { hostileJson, hostileString, toJsonText, wellFormed } from './hostile-values.js';

/** One HTTP request as the harness sends it; `body` is raw text, bytes, or a form (sent as multipart). */
export interface FuzzRequest {
  method: 'GET' | 'POST' | 'OPTIONS';
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | FormData;
}

/** Arbitraries of valid (or nearly valid) values for an endpoint's own body keys. */
export type FieldArbitraries = Record<string, fc.Arbitrary<unknown>>;

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  ';;;',
  'foo',
  '',
];

/**
 * A JSON object body, mutation-style so that every check gets reached: all keys valid (the
 * success path), valid but one key broken or dropped (each single check), or every key a coin
 * flip between valid and hostile; plus arbitrary extra keys.
 */
export function jsonObjectBody(fields: FieldArbitraries): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const mixed = Object.fromEntries(
    names.map((name) => [name, fc.oneof(fields[name], hostileJson)] as [string, fc.Arbitrary<unknown>]),
  );
  const valid = fc.record(fields);
  const oneBroken =
    names.length === 0
      ? valid
      : fc
          .tuple(valid, fc.constantFrom(...names), fc.option(hostileJson, { nil: undefined }))
          .map(([body, name, broken]) => {
            const copy: Record<string, unknown> = { ...body };
            if (broken === undefined) delete copy[name];
            else copy[name] = broken;
            return copy;
          });
  return fc
    .tuple(
      fc.oneof(
        { arbitrary: valid, weight: 1 },
        { arbitrary: oneBroken, weight: 2 },
        { arbitrary: fc.record(mixed, { requiredKeys: [] }), weight: 2 },
      ),
      fc.dictionary(hostileString, hostileJson, { maxKeys: 3 }),
      fc.boolean(),
    )
    .map(([known, extra, extraFirst]) => toJsonText(extraFirst ? { ...extra, ...known } : { ...known, ...extra }));
}

/** Anything a client might put in a body: objects, other JSON, broken JSON, binary junk, nothing. */
export function anyBody(fields: FieldArbitraries): fc.Arbitrary<string | Uint8Array | undefined> {
  const objectBody = jsonObjectBody(fields);
  return fc.oneof(
    { arbitrary: objectBody, weight: 8 },
    { arbitrary: hostileJson.map(toJsonText), weight: 2 },
    { arbitrary: objectBody.chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))), weight: 1 },
    { arbitrary: hostileString, weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const queryKey = (known: string[]) =>
  fc.oneof(
    fc.constantFrom('name', ...known, ...known.map((k) => `${k}[]`), ...known.map((k) => `${k}[0]`), '__proto__'),
    fc.string({ maxLength: 8 }),
  );

/** Escapes a browser would never send: broken percent sequences, NUL, overlong UTF-8. */
const rawQueryValue = fc.constantFrom('%', '%zz', '%E0%A4', '%00', '+', '', '=', '%25%', '%C0%AF', '%F0%9F%8D%8E');

/** A query string: repeated keys, bracket keys, broken percent-escapes, hostile values. */
export function queryString(known: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    hostileString.filter((s) => s.length < 500).map((s) => encodeURIComponent(wellFormed(s))),
    rawQueryValue,
  );
  return fc
    .array(
      fc.tuple(queryKey(known), value).map(([key, text]) => `${encodeURIComponent(key)}=${text}`),
      { maxLength: 4 },
    )
    .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.join('&')}`));
}

const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

/** Headers: the token (mostly valid), plus random request ids, idempotency keys, content types. */
export function requestHeaders(validAuthorization: string | undefined): fc.Arbitrary<Record<string, string>> {
  const authorization = validAuthorization
    ? fc.oneof(
        { arbitrary: fc.constant(validAuthorization), weight: 9 },
        { arbitrary: headerValue.map((v) => `Bearer ${v}`), weight: 1 },
      )
    : fc.oneof(fc.constant(undefined), headerValue);
  return fc
    .record(
      {
        authorization,
        'content-type': fc.constantFrom(...CONTENT_TYPES),
        'x-request-id': headerValue,
        'idempotency-key': headerValue,
        'x-forwarded-for': headerValue,
        accept: fc.oneof(fc.constantFrom('application/json', '*/*', 'text/html'), headerValue),
        'x-fuzz': headerValue,
      },
      { requiredKeys: ['authorization'] },
    )
    .map((headers) =>
      Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    );
}

/** A JSON endpoint: body (mostly JSON with a JSON content type), query junk, header junk. */
export function jsonEndpointRequest(
  method: 'GET' | 'POST',
  path: string,
  fields: FieldArbitraries,
  authorization?: string,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      query: queryString(Object.keys(fields)),
      headers: requestHeaders(authorization),
      body: anyBody(fields),
      jsonContentType: fc.boolean(),
    })
    .map(({ query, headers, body, jsonContentType }) => {
      const withType = jsonContentType ? { ...headers, 'content-type': 'application/json' } : headers;
      // A GET with a body is legal HTTP here: contract §0.2 says GET endpoints ignore it.
      return body === undefined
        ? { method, path: path + query, headers: withType }
        : { method, path: path + query, headers: withType, body };
    });
}
