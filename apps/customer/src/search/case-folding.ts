/**
 * The text `match=insensitive` compares (issue 20): Unicode default case conversion, upper then
 * lower — locale-independent, so the answer does not depend on the server's locale — with final
 * `ς` as `σ`, then NFC. Upper first folds what lower case alone leaves apart: `ß`/`SS`, `ﬁ`/`FI`,
 * `ǅ`/`Ǆ`/`ǆ`. NFC makes a precomposed `é` and `e` + combining accent the same text. Accents still
 * count (`cafe` does not find `Café`), and no locale-specific rule applies (Turkish `I`/`ı`).
 */
export function foldCase(text: string): string {
  // Lower case picks ς or σ by position in the word; folding makes both σ (CaseFolding.txt).
  return text.toUpperCase().toLowerCase().replaceAll('ς', 'σ').normalize('NFC');
}
