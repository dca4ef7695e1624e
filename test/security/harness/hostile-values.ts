import fc from 'fast-check';

/**
 * Text a JSON serialiser would never produce on its own (e.g. `7.0`, `-0`, `1e400`), spliced
 * verbatim into a generated body by `toJsonText`.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Characters that break naive SQL, LIKE patterns and string quoting. */
export const SQL_AND_LIKE_METACHARACTERS = ['%', '_', '\\', "'", '"', ';', '--', '*', '`', '/*', '\0'];

export const INJECTION_SAMPLES = [
  "' OR '1'='1",
  "'; DROP TABLE products; --",
  '" OR ""="',
  "1' UNION SELECT password FROM accounts --",
  '1; SELECT SLEEP(10)',
  '%_%',
  "\\'",
  '\\%',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
];

export const UNICODE_SAMPLES = [
  '🍎',
  '👩‍👩‍👧‍👦',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'e\u0301',
  'é',
  '\u202Eevil',
  '\uFEFF',
  'ﬀ',
  'İı',
  'ß',
  'Ǆǅǆ',
  '\uD800',
  '\u0000',
  '中文字符',
];

/** Number literals at the edges of the contract's value rules (§0.4). */
export const NUMBER_LITERALS = [
  '0',
  '-0',
  '1',
  '7',
  '7.0',
  '7.5',
  '-1',
  '1e308',
  '-1e308',
  '1e400',
  '5e-324',
  '1E2',
  '0.1e1',
  '2147483647',
  '2147483648',
  '4294967296',
  '10000000000',
  '9007199254740993',
  '18446744073709551616',
  '1.0000000000000002',
];

const smallString = fc.string({ maxLength: 12 });

/** Strings that have hurt real services: metacharacters, odd Unicode, control characters, big ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...INJECTION_SAMPLES, ...UNICODE_SAMPLES), weight: 3 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...SQL_AND_LIKE_METACHARACTERS, ...UNICODE_SAMPLES), smallString), {
        maxLength: 8,
      })
      .map((parts) => parts.join('')),
    weight: 3,
  },
  {
    // Large, not huge: bodies stay under the 1 MB limit so the handlers (not the limit) see them.
    arbitrary: fc
      .tuple(fc.constantFrom('a', '%', '🍎', "'", ' '), fc.integer({ min: 1_000, max: 100_000 }))
      .map(([unit, count]) => unit.repeat(count)),
    weight: 1,
  },
);

export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(...NUMBER_LITERALS).map((text) => new RawJson(text)),
  fc.integer(),
  fc.double(),
  fc.integer({ min: 1, max: 20 }),
);

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` levels, as raw JSON text. */
export function deeplyNested(depth: number, kind: 'array' | 'object' = 'array'): RawJson {
  return kind === 'array'
    ? new RawJson('['.repeat(depth) + ']'.repeat(depth))
    : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 4 },
  { arbitrary: fc.constantFrom(true, false, null), weight: 2 },
  {
    arbitrary: fc
      .tuple(
        fc.integer({ min: 100, max: 20_000 }),
        fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>,
      )
      .map(([depth, kind]) => deeplyNested(depth, kind)),
    weight: 1,
  },
);

/** Any JSON value built from hostile scalars, nested a few levels. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(tie('value'), { maxLength: 5 }), weight: 1 },
    { arbitrary: fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }), weight: 1 },
  ),
})).value;

/** Serialises a generated value, splicing RawJson text in place. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Replaces lone surrogates (which URLs cannot encode) with U+FFFD; valid pairs stay. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
