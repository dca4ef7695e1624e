import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOf, exactTotal, type ExactDecimal, type PricedQuantity } from './exact-total.js';

/** The exact binary value of a finite double as a decimal, from its bits (independent of String()). */
function exactValueOf(x: number): ExactDecimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = sign * (biased === 0 ? fraction : fraction | (1n << 52n));
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  if (exponent >= 0) return { units: mantissa << BigInt(exponent), scale: 0 };
  // m × 2^-k = m × 5^k / 10^k
  return { units: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

/** |a - b| scaled to a common denominator (only compared with others of the same scale). */
function distance(a: ExactDecimal, b: ExactDecimal, scale: number): bigint {
  const d = a.units * 10n ** BigInt(scale - a.scale) - b.units * 10n ** BigInt(scale - b.scale);
  return d < 0n ? -d : d;
}

function exactSum(lines: readonly PricedQuantity[]): ExactDecimal {
  const terms = lines.map((line) => decimalOf(line.unitPrice));
  const scale = Math.max(0, ...terms.map((t) => t.scale));
  const units = terms.reduce(
    (sum, t, i) => sum + t.units * BigInt(lines[i].quantity) * 10n ** BigInt(scale - t.scale),
    0n,
  );
  return { units, scale };
}

const price = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((p) => p + 0); // no -0
const line = fc.record({ unitPrice: price, quantity: fc.integer({ min: 1, max: 1_000_000 }) });

describe('exactTotal', () => {
  it('gives the decimal answer where adding doubles does not', () => {
    expect(1133.34 * 3).toBe(3400.0199999999995);
    expect(exactTotal([{ unitPrice: 1133.34, quantity: 3 }])).toBe(3400.02);
    expect(
      exactTotal([
        { unitPrice: 0.1, quantity: 1 },
        { unitPrice: 0.2, quantity: 1 },
      ]),
    ).toBe(0.3);
  });

  it('a single unit is its own price, for any double', () => {
    fc.assert(
      fc.property(price, (p) => {
        expect(exactTotal([{ unitPrice: p, quantity: 1 }])).toBe(p);
      }),
    );
  });

  it('2-decimal prices: equals the sum in cents divided by 100 (a correctly rounded division)', () => {
    const centsLine = fc.record({
      cents: fc.integer({ min: 1, max: 10_000_000_00 }),
      quantity: fc.integer({ min: 1, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(centsLine, { minLength: 1, maxLength: 20 }), (lines) => {
        const cents = lines.reduce((sum, l) => sum + BigInt(l.cents) * BigInt(l.quantity), 0n);
        const total = exactTotal(lines.map((l) => ({ unitPrice: l.cents / 100, quantity: l.quantity })));
        expect(total).toBe(Number(cents) / 100);
      }),
    );
  });

  it('is the double nearest to the exact decimal sum, in any line order', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const total = exactTotal(lines);
        const exact = exactSum(lines);
        const candidates = [total, nextDouble(total, 1), nextDouble(total, -1)].map(exactValueOf);
        const scale = Math.max(exact.scale, ...candidates.map((c) => c.scale));
        const [mine, up, down] = candidates.map((c) => distance(c, exact, scale));
        expect(mine <= up && mine <= down).toBe(true);
        expect(exactTotal([...lines].reverse())).toBe(total);
      }),
    );
  });

  it('reports the first line after which the total is no longer a finite double', () => {
    const fail = (i: number): never => {
      throw new Error(`line ${i}`);
    };
    expect(() =>
      exactTotal(
        [
          { unitPrice: 1, quantity: 1 },
          { unitPrice: 1e308, quantity: 2 },
        ],
        fail,
      ),
    ).toThrow('line 1');
  });
});

function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  if (x === 0) return direction * Number.MIN_VALUE;
  view.setBigInt64(0, bits + BigInt(x > 0 ? direction : -direction));
  return view.getFloat64(0);
}
