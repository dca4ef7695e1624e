/**
 * The sum of amounts the service answered exactly (each the nearest JSON number to a decimal):
 * added as decimals, so three 0.1s are 0.3, as the service would sum them, never
 * 0.30000000000000004. Amounts in exponent notation (astronomically large or small) are added
 * as floating point.
 */
export function exactSum(amounts: readonly number[]): number {
  const texts = amounts.map(String);
  if (texts.some((text) => text.includes('e'))) return amounts.reduce((sum, amount) => sum + amount, 0);
  const scale = Math.max(0, ...texts.map((text) => (text.split('.')[1] ?? '').length));
  const total = texts.reduce((sum, text) => {
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    return text.startsWith('-') ? sum - units : sum + units;
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(`${negative ? '-' : ''}${text}`);
}
