import { Messages } from '@shopwire/contracts';
import { parseCsvLine, splitLines } from './csv-line.js';

/** A product read from one line of the import file. */
export interface ImportedProduct {
  name: string;
  price: number;
  /** Distinct, non-empty category names in the order written. */
  categories: string[];
}

export type ImportFileCheck = { ok: true; products: ImportedProduct[] } | { ok: false; message: string };

const PRICE_RULE = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const SURROUNDING_SPACES = /^ +| +$/g;

/**
 * Checks 3a and 3b of contract §3.1 for every line, in order, each line fully before the next.
 * The first failure decides; otherwise every line's product.
 */
export function checkImportFile(text: string): ImportFileCheck {
  const products: ImportedProduct[] = [];
  const lines = splitLines(text);
  for (let lineNumber = 0; lineNumber < lines.length; lineNumber++) {
    const check = checkImportLine(lines[lineNumber], lineNumber);
    if (!check.ok) return check;
    products.push(check.product);
  }
  return { ok: true, products };
}

export function checkImportLine(
  line: string,
  lineNumber: number,
): { ok: true; product: ImportedProduct } | { ok: false; message: string } {
  const values = parseCsvLine(line);
  if (values === null || values.length !== 3) return { ok: false, message: Messages.incorrectValues(lineNumber) };
  const [categoryValue, name, priceValue] = values;
  const categories = [...new Set(categoryValue.split('|').filter((category) => category.length > 0))];
  if (name.length === 0 || categories.length === 0) return { ok: false, message: Messages.incorrectValues(lineNumber) };
  const price = parsePrice(priceValue);
  if (price === null) return { ok: false, message: Messages.incorrectPrice(lineNumber) };
  return { ok: true, product: { name, price, categories } };
}

/** The price a value denotes, or null unless it matches the contract's rule and is finite and > 0. */
export function parsePrice(value: string): number | null {
  const text = value.replace(SURROUNDING_SPACES, '');
  if (!PRICE_RULE.test(text)) return null;
  const price = Number(text);
  return Number.isFinite(price) && price > 0 ? price : null;
}

/**
 * Check 4 of contract §3.1: the first product, in line order, whose name is already in the store
 * or appeared on an earlier line. Null when every name is new.
 */
export function firstTakenName(products: readonly ImportedProduct[], existing: ReadonlySet<string>): string | null {
  const seen = new Set<string>();
  for (const { name } of products) {
    if (existing.has(name) || seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}
