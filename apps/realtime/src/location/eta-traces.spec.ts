import { readFileSync } from 'node:fs';
import type { GeoPoint } from '@shopwire/contracts';
import { describe, expect, it } from 'vitest';
import { COURIER_ETA_OPTIONS as options, etaSeconds, nextSpeedState, type SpeedState } from './eta.js';

interface Trace {
  name: string;
  destination: GeoPoint;
  /** [at ms, lat, lng, accuracy m, device speed m/s | null, true metres to go] (traces/make-traces.mjs). */
  fixes: Array<[number, number, number, number, number | null, number]>;
}
interface Step {
  index: number;
  eta: number | null;
  /** Metres the courier really had to go at this fix. */
  remaining: number;
}

/** Replays a trace through the ETA exactly as the location service does, one fix at a time. */
function replay(name: string): Step[] {
  const trace = JSON.parse(readFileSync(new URL(`./traces/${name}.json`, import.meta.url), 'utf8')) as Trace;
  let state: SpeedState | undefined;
  return trace.fixes.map(([at, lat, lng, accuracy, speed, remaining], index) => {
    state = nextSpeedState(state, { point: { lat, lng }, at, accuracy, speed: speed ?? undefined }, options);
    return { index, eta: etaSeconds(state, trace.destination, options), remaining };
  });
}

/** The ETA is never shorter than the true distance at the fastest plausible courier (less GPS error). */
function expectNeverTooSoon(steps: Step[]): void {
  for (const step of steps) {
    if (step.eta === null) continue;
    expect(step.eta, `fix ${step.index}`).toBeGreaterThanOrEqual(Math.floor((step.remaining - 30) / options.maxSpeed));
  }
}

/** Known ETAs within `tolerance` (a fraction) of the true time at `speed`, until the last 100 m. */
function expectClose(steps: Step[], speed: number, tolerance: number): void {
  for (const step of steps) {
    if (step.eta === null || step.remaining < 100) continue;
    const truth = step.remaining / speed;
    expect(Math.abs(step.eta - truth), `fix ${step.index}: ${step.eta} s, truly ${truth} s`).toBeLessThanOrEqual(
      tolerance * truth,
    );
  }
}

const known = (steps: Step[]) => steps.filter((step) => step.eta !== null);

describe('ETA on courier position traces (traces/*.json)', () => {
  it('walking at 1.3 m/s: unknown for about a minute (two samples of 40 m), then within 35 % of the truth', () => {
    const steps = replay('walking');
    expect(steps[0].eta).toBeNull();
    const firstKnown = known(steps)[0].index;
    expect(firstKnown).toBeLessThanOrEqual(75);
    expect(steps.slice(firstKnown).every((step) => step.eta !== null)).toBe(true);
    expectClose(steps.slice(firstKnown + 20), 1.3, 0.35);
    expectNeverTooSoon(steps);
  });

  it('cycling at 5 m/s with the device speed: known from the second fix, held through a red light', () => {
    const steps = replay('cycling');
    expect(steps[0].eta).toBeNull();
    expect(steps.slice(1).every((step) => step.eta !== null)).toBe(true);
    const redLight = { from: 120, to: 135 }; // fixes every 2 s: 240 s riding, then 30 s standing
    expectClose(steps.slice(5, redLight.from), 5, 0.2);
    expectClose(steps.slice(redLight.to + 5), 5, 0.2);
    const standing = steps.slice(redLight.from, redLight.to).map((step) => step.eta!);
    expect(Math.max(...standing) - Math.min(...standing)).toBeLessThanOrEqual(10); // the ETA holds, no jump
    expectNeverTooSoon(steps);
  });

  it('a car with GPS jumps: a jump onto the destination never says "arriving now"', () => {
    const steps = replay('gps-jumps');
    expectNeverTooSoon(steps);
    for (const glitch of [30, 60, 90, 91, 92]) {
      const eta = steps[glitch].eta;
      expect(eta === null || eta >= 60, `fix ${glitch}: ${eta}`).toBe(true);
    }
    expectClose(steps.slice(10, 29), 10, 0.25);
    expectClose(steps.slice(31, 59), 10, 0.25);
    expectClose(steps.slice(61, 89), 10, 0.25);
    // The two-fix excursion is believed, then the return too: the evidence starts again (ETA
    // unknown meanwhile, never the excursion's) and is back within 15 s.
    expect(steps.slice(91, 94).filter((step) => step.eta !== null)).toEqual([]);
    expect(steps.slice(105).every((step) => step.eta !== null)).toBe(true);
    expectClose(steps.slice(105), 10, 0.25);
  });

  it('standing still 5 km away: unknown throughout, never a small value', () => {
    const steps = replay('standing-still');
    expect(known(steps)).toEqual([]);
  });

  it('a scooter 5 km away: never under 4 minutes, and a coarse fix near the destination changes nothing', () => {
    const steps = replay('five-km');
    expectNeverTooSoon(steps);
    expect(known(steps).every((step) => step.eta! >= 4 * 60)).toBe(true);
    expect(known(steps).length).toBeGreaterThan(steps.length - 10);
    expect(steps[20].eta).not.toBeNull();
    expect(steps[20].eta!).toBeGreaterThan(steps[21].eta! - 10);
    expectClose(steps.slice(5), 8, 0.25);
  });
});
