import { isLatitude, isLongitude, type CourierLocationReport } from '@shopwire/contracts';

export interface ReportLimits {
  /** Oldest acceptable `at`, ms before now. */
  maxAgeMs: number;
  /** How far in the future `at` may be (device clock skew), ms. */
  clockSkewMs: number;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * A `courier.location` payload as received, or undefined when it is not a valid report: `lat`,
 * `lng` in range; optional `accuracy` ≥ 0, `heading` in [0, 360), `speed` ≥ 0 (null = absent,
 * as the Geolocation API reports unknown values); `at` in ms since the epoch, not in the future
 * (beyond the clock-skew allowance) and not older than `maxAgeMs`. Returns only known keys.
 */
export function parseLocationReport(
  value: unknown,
  now: number,
  limits: ReportLimits,
): CourierLocationReport | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { lat, lng, accuracy, heading, speed, at } = value as Record<string, unknown>;
  if (!isLatitude(lat) || !isLongitude(lng) || !isFiniteNumber(at)) return undefined;
  if (at > now + limits.clockSkewMs || at < now - limits.maxAgeMs) return undefined;
  const report: CourierLocationReport = { lat, lng, at };
  for (const [key, field, valid] of [
    ['accuracy', accuracy, (n: number) => n >= 0],
    ['heading', heading, (n: number) => n >= 0 && n < 360],
    ['speed', speed, (n: number) => n >= 0],
  ] as const) {
    if (field === undefined || field === null) continue;
    if (!isFiniteNumber(field) || !valid(field)) return undefined;
    report[key] = field;
  }
  return report;
}
