/**
 * Reads a catalogue CSV the way `/update` does (contract §3.1), for the import view only: to
 * quote the line an error points at and to summarise what a successful import added. The
 * service remains the judge; this never decides whether a file is valid.
 */

/** The file's lines, numbered from 0 like the service's messages. */
export function csvLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** A line's comma-separated values; a value that opens with `"` is quoted (`""` is a quote). */
export function csvValues(line: string): string[] {
  const values: string[] = [];
  let rest = line;
  for (;;) {
    if (rest.startsWith('"')) {
      let value = '';
      let i = 1;
      for (; i < rest.length; i++) {
        if (rest[i] !== '"') value += rest[i];
        else if (rest[i + 1] === '"') {
          value += '"';
          i++;
        } else break;
      }
      values.push(value);
      rest = rest.slice(i + 1);
      if (!rest.startsWith(',')) return values;
      rest = rest.slice(1);
    } else {
      const comma = rest.indexOf(',');
      if (comma < 0) return [...values, rest];
      values.push(rest.slice(0, comma));
      rest = rest.slice(comma + 1);
    }
  }
}

export interface ImportedProduct {
  name: string;
  categories: string[];
  price: number;
}

export interface ImportSummary {
  products: ImportedProduct[];
  /** Distinct category names, in order of first use. */
  categories: string[];
}

/** What an accepted file added: one product per line, its categories, its price. */
export function summariseImport(text: string): ImportSummary {
  const products = csvLines(text).map((line) => {
    const [categories = '', name = '', price = ''] = csvValues(line);
    return {
      name,
      categories: [...new Set(categories.split('|').filter((category) => category !== ''))],
      price: Number(price.trim()),
    };
  });
  return { products, categories: [...new Set(products.flatMap((product) => product.categories))] };
}

/** 0-based number of the line where `name` is a duplicate: its second use, else its only one. */
export function lineOfProduct(text: string, name: string): number | undefined {
  const matches = csvLines(text)
    .map((line, index) => (csvValues(line)[1] === name ? index : -1))
    .filter((index) => index >= 0);
  return matches[1] ?? matches[0];
}
