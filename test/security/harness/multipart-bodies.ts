import fc from 'fast-check';
import { NUMBER_LITERALS, hostileString } from './hostile-values.js';
import { anyBody, queryString, requestHeaders, type FuzzRequest } from './fuzz-request.js';

const shortHostile = hostileString.filter((text) => text.length <= 2_000);
const plainName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,15}$/);

/** One CSV value, sometimes RFC 4180-quoted (which lets it hold commas, quotes and breaks). */
function csvValue(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(value, fc.boolean()).map(([text, quoted]) => (quoted ? `"${text.replaceAll('"', '""')}"` : text));
}

const priceText = fc.oneof(
  fc.constantFrom('1.25', '2', '.5', '7.', ' 3.0 ', '1e3', '+4', '0.1'),
  fc.constantFrom(...NUMBER_LITERALS, 'NaN', 'Infinity', 'abc', '', '1,5', '0x10'),
  shortHostile,
);

const csvLine = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.array(fc.oneof(plainName, shortHostile), { minLength: 1, maxLength: 3 }).map((names) => names.join('|')),
        fc.oneof(
          fc.tuple(plainName, fc.nat()).map(([name, n]) => `${name} ${n}`),
          shortHostile,
        ),
        priceText,
      )
      .chain(([categories, name, price]) =>
        fc
          .tuple(csvValue(fc.constant(categories)), csvValue(fc.constant(name)), csvValue(fc.constant(price)))
          .map((values) => values.join(',')),
      ),
    weight: 5,
  },
  { arbitrary: shortHostile, weight: 1 },
);

/** CSV text: hostile lines, `\n` or `\r\n` breaks, with or without a final break. */
export const csvText: fc.Arbitrary<string> = fc
  .tuple(fc.array(csvLine, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, trailing]) => lines.join(eol) + (trailing && lines.length > 0 ? eol : ''));

interface Part {
  name: string;
  asFile: boolean;
  filename: string;
  content: string;
}

const part: fc.Arbitrary<Part> = fc.record({
  name: fc.oneof(
    { arbitrary: fc.constant('file'), weight: 4 },
    fc.constantFrom('File', 'files', 'file[]', ''),
    fc.string(),
  ),
  asFile: fc.boolean(),
  filename: fc.oneof(fc.constant('products.csv'), fc.string({ maxLength: 30 })),
  content: csvText,
});

function toForm(parts: Part[]): FormData {
  const form = new FormData();
  for (const p of parts) {
    if (p.asFile) form.append(p.name, new Blob([p.content], { type: 'text/csv' }), p.filename || 'x.csv');
    else form.append(p.name, p.content);
  }
  return form;
}

/** Multipart bodies that are cut short, lack boundaries or carry headers a parser may trip on. */
const brokenMultipart = fc
  .tuple(
    fc.constantFrom(
      '--B\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nFruit,Apple,1',
      '--B\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nFruit,Apple,1\r\n--B',
      '--B\r\n\r\nno headers\r\n--B--\r\n',
      '--B\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--B--\r\n',
      '--B\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n',
      '--B--\r\n',
      'not multipart at all',
      '',
    ),
    fc.constantFrom('multipart/form-data; boundary=B', 'multipart/form-data', 'multipart/form-data; boundary='),
  )
  .map(([body, contentType]) => ({ body, contentType }));

/** Requests for `POST /update`: real forms (mostly a `file` part), broken multipart, other bodies. */
export function uploadRequest(authorization: string): fc.Arbitrary<FuzzRequest> {
  const headers = requestHeaders(authorization).map(({ 'content-type': _dropped, ...rest }) => rest);
  const body = fc.oneof(
    { arbitrary: fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => ({ form: toForm(parts) })), weight: 6 },
    { arbitrary: brokenMultipart.map((broken) => ({ raw: broken })), weight: 2 },
    { arbitrary: anyBody({ file: csvText }).map((json) => ({ json })), weight: 1 },
  );
  return fc.tuple(queryString(['file']), headers, body).map(([query, baseHeaders, chosen]): FuzzRequest => {
    const request: FuzzRequest = { method: 'POST', path: `/update${query}`, headers: baseHeaders };
    if ('form' in chosen) return { ...request, body: chosen.form };
    if ('raw' in chosen) {
      return { ...request, headers: { ...baseHeaders, 'content-type': chosen.raw.contentType }, body: chosen.raw.body };
    }
    if (chosen.json === undefined) return request;
    return { ...request, headers: { ...baseHeaders, 'content-type': 'application/json' }, body: chosen.json };
  });
}
