/**
 * The import file's text format (contract §3.1): lines split on `\n`, one trailing `\r`
 * dropped, and no line after a final line break.
 */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * Splits one line into its comma-separated values, or null when a quoted value is never closed.
 *
 * Quotes mean something only when they open a value (RFC 4180, `""` inside is one quote); an
 * unquoted value is taken verbatim, quotes included. Text between a closing quote and the next
 * comma is kept verbatim, as Python's csv module does (`"ab"c` → `abc`), rather than failing.
 */
export function parseCsvLine(line: string): string[] | null {
  const values: string[] = [];
  let position = 0;
  for (;;) {
    let value = '';
    if (line.charCodeAt(position) === 0x22) {
      const quoted = readQuoted(line, position + 1);
      if (quoted === null) return null;
      value = quoted.text;
      position = quoted.end;
    }
    const comma = line.indexOf(',', position);
    const end = comma === -1 ? line.length : comma;
    values.push(value + line.slice(position, end));
    if (comma === -1) return values;
    position = comma + 1;
  }
}

/** Reads a quoted value's content starting after its opening quote; null if unterminated. */
function readQuoted(line: string, start: number): { text: string; end: number } | null {
  let text = '';
  let position = start;
  for (;;) {
    const quote = line.indexOf('"', position);
    if (quote === -1) return null;
    text += line.slice(position, quote);
    if (line.charCodeAt(quote + 1) !== 0x22) return { text, end: quote + 1 };
    text += '"';
    position = quote + 2;
  }
}
