/** A decimal number `units × 10^-scale`, exact. */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

export interface PricedQuantity {
  unitPrice: number;
  /** A bigint for sums of quantities (revenue statistics), which need not be safe integers. */
  quantity: number | bigint;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The decimal a stored double stands for: its shortest round-tripping text (what `String()`
 * gives, and what the price was imported from), e.g. 0.1 → 1 × 10^-1 rather than the binary
 * value 0.1000000000000000055….
 */
export function decimalOf(value: number): ExactDecimal {
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) throw new RangeError(`not a finite number: ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const units = BigInt(sign + whole + fraction);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

function add(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale };
}

/** The double nearest to the decimal (string-to-number conversion rounds correctly). */
export function nearestNumber(value: ExactDecimal): number {
  return Number(`${value.units}e-${value.scale}`);
}

/**
 * Σ unit price × quantity computed exactly in decimal, returned as the double nearest to it:
 * 1700.01 × 2 is 3400.02, not the 3400.0199999999995 that adding doubles gives.
 * `onOverflow(i)` is called (and must throw) for the first line i after which the total is too
 * large for a double.
 */
export function exactTotal(lines: readonly PricedQuantity[], onOverflow?: (line: number) => never): number {
  let sum: ExactDecimal = { units: 0n, scale: 0 };
  for (const [i, line] of lines.entries()) {
    const price = decimalOf(line.unitPrice);
    sum = add(sum, { units: price.units * BigInt(line.quantity), scale: price.scale });
    if (onOverflow && !Number.isFinite(nearestNumber(sum))) onOverflow(i);
  }
  return nearestNumber(sum);
}
