/**
 * A price as the owner types it ("4.5", "4,50", " 12 "), as the JSON number `POST /update_product`
 * takes, or null when it is not a number at all. Whether it is a valid price (> 0) is the
 * service's rule: its message is shown under the field.
 */
export function parsePrice(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
