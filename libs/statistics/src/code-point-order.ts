/**
 * Orders strings by Unicode code point (contract §3.3: "plain code-point comparison").
 *
 * JavaScript's `<` and the default `sort()` compare UTF-16 code units, which disagrees with
 * code-point order as soon as a character outside the BMP (stored as a surrogate pair,
 * 0xD800–0xDFFF) meets a BMP character above 0xDFFF: "\u{1F600}" < "\uFF01" by code units,
 * but U+1F600 > U+FF01 by code points.
 */
export function compareCodePoints(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    // At the first differing unit, codePointAt yields whole code points (or two low surrogates
    // after an equal high surrogate, whose unit order is then the code-point order).
    return (a.codePointAt(i) as number) < (b.codePointAt(i) as number) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
