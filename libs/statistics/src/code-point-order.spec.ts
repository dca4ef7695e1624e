import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './code-point-order.js';

const byCodePoints = (a: string, b: string) => {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return Math.sign(x[i] - y[i]);
  return Math.sign(x.length - y.length);
};

describe('compareCodePoints', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['', 'a', -1],
    ['a', 'ab', -1],
    ['B', 'a', -1],
    ['Z', 'é', -1],
    // Where UTF-16 unit order is wrong: a surrogate pair (0xD83D…) vs a BMP char above 0xDFFF.
    ['\u{1F600}', '\uFF01', 1],
    ['\uFF01', '\u{1F600}', -1],
    ['x\u{1F600}', 'x\uE000', 1],
    ['\u{1F600}', '\u{1F601}', -1],
    ['\u{10000}', '\u{FFFF}', 1],
  ])('%j vs %j → %i', (a, b, expected) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(expected);
  });

  it('differs from the default JS string order exactly where it should', () => {
    expect('\u{1F600}' < '\uFF01').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFF01')).toBeGreaterThan(0);
  });

  it('agrees with comparing arrays of code points (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(byCodePoints(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with UTF-8 byte order (what a binary collation sorts by)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 500 },
    );
  });
});
