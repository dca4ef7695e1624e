import { describe, expect, it } from 'vitest';
import { COURIER_ETA_OPTIONS, etaSeconds, haversineMetres, nextSpeedState, type SpeedState } from './eta.js';

const options = { ...COURIER_ETA_OPTIONS, smoothing: 0.5 };
// One degree of latitude on the mean-radius sphere: 2πR/360.
const DEGREE_M = (2 * Math.PI * 6_371_008.8) / 360;

describe('haversineMetres', () => {
  it('measures a degree of latitude and of longitude on the equator alike', () => {
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(DEGREE_M, 3);
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(DEGREE_M, 3);
  });

  it('shrinks longitude with the cosine of the latitude and is symmetric', () => {
    const a = { lat: 60, lng: 10 };
    const b = { lat: 60, lng: 10.001 };
    expect(haversineMetres(a, b)).toBeCloseTo(haversineMetres(b, a), 9);
    expect(haversineMetres(a, b) / (0.001 * DEGREE_M)).toBeCloseTo(0.5, 3);
  });

  it('is 0 for the same point and half the circumference for antipodes', () => {
    expect(haversineMetres({ lat: 44.8, lng: 20.4 }, { lat: 44.8, lng: 20.4 })).toBe(0);
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(180 * DEGREE_M, 0);
  });
});

const north = (metres: number) => ({ lat: metres / DEGREE_M, lng: 0 });
/** Feeds fixes `[metres north, seconds]` (plus extras) in order; returns the state after each. */
function replay(fixes: Array<[number, number, { speed?: number; accuracy?: number }?]>): SpeedState[] {
  const states: SpeedState[] = [];
  for (const [metres, seconds, extra] of fixes) {
    states.push(nextSpeedState(states.at(-1), { point: north(metres), at: seconds * 1000, ...extra }, options));
  }
  return states;
}

describe('nextSpeedState', () => {
  it('has no speed after a first fix without a device speed', () => {
    const [first] = replay([[0, 1]]);
    expect(first.speed).toBeUndefined();
    expect(first.samples).toBe(0);
  });

  it('derives a speed once the courier is clear of twice the noise, and smooths the next ones', () => {
    const states = replay([
      [0, 0],
      [10, 1],
      [20, 2],
      [40, 4], // 40 m > 2 × 15 m: one sample of 10 m/s
      [100, 7], // 60 m in 3 s: 20 m/s
    ]);
    expect(states.slice(0, 3).map((s) => s.samples)).toEqual([0, 0, 0]);
    expect(states[3].speed).toBeCloseTo(10, 6);
    expect(states[4].speed).toBeCloseTo(15, 6); // 0.5 × 20 + 0.5 × 10
    expect(states[4].samples).toBe(2);
  });

  it("prefers the device's own speed, caps it at maxSpeed and ignores an impossible one", () => {
    const states = replay([
      [0, 0, { speed: 5 }],
      [5, 1, { speed: 30 }],
      [10, 2, { speed: 90 }],
    ]);
    expect(states.map((s) => s.speed)).toEqual([5, 12.5, 12.5]);
    expect(states.map((s) => s.samples)).toEqual([1, 2, 2]);
  });

  it('ignores a fix that is not newer, or coarser than maxAccuracyMetres', () => {
    const [first, stale, coarse] = replay([
      [0, 5],
      [500, 5],
      [500, 6, { accuracy: 1500 }],
    ]);
    expect(stale).toBe(first);
    expect(coarse).toBe(first);
  });

  it('drops a GPS jump and keeps going from the last good fix', () => {
    const states = replay([
      [0, 0, { speed: 5 }],
      [5, 1, { speed: 5 }],
      [2000, 2], // 2 km in a second
      [15, 3, { speed: 5 }],
    ]);
    expect(states[2]).toMatchObject({ point: north(5), speed: 5, samples: 2 });
    expect(states[3]).toMatchObject({ point: north(15), speed: 5, samples: 3, refused: undefined });
  });

  it('believes a jump that the next fix confirms, starting the evidence afresh there', () => {
    const states = replay([
      [0, 0, { speed: 5 }],
      [5, 1, { speed: 5 }],
      [2000, 2],
      [2005, 3],
    ]);
    expect(states[3]).toMatchObject({ point: north(2005), samples: 0 });
    expect(states[3].speed).toBeUndefined();
  });

  it('counts standing still (jitter within the noise) as no movement and keeps the moving speed', () => {
    const moving = replay([
      [0, 0, { speed: 6 }],
      [6, 1, { speed: 6 }],
    ]);
    let state = moving[1];
    for (let second = 2; second <= 40; second++) {
      state = nextSpeedState(state, { point: north(6 + (second % 2) * 8), at: second * 1000 }, options);
    }
    expect(state.speed).toBe(6);
    expect(state.samples).toBe(2);
  });
});

describe('etaSeconds', () => {
  const destination = north(1000);
  const known = (speed: number, metres = 0): SpeedState => ({
    point: north(metres),
    at: 0,
    anchor: { point: north(metres), at: 0 },
    speed,
    samples: 2,
  });

  it('is unknown (null) until minSamples moving samples back the speed', () => {
    expect(etaSeconds({ ...known(10), samples: 1 }, destination, options)).toBeNull();
    expect(etaSeconds({ ...known(10), speed: undefined, samples: 0 }, destination, options)).toBeNull();
    expect(etaSeconds(known(10), destination, options)).toBe(100);
  });

  it('bounds the speed to what a courier can do: walking 1 m/s … 20 m/s', () => {
    expect(etaSeconds(known(0.6), destination, options)).toBe(1000);
    expect(etaSeconds(known(20), destination, options)).toBe(50);
    expect(etaSeconds(known(1e300), destination, options)).toBe(50);
  });

  it('is 0 within arrivedMetres whatever the evidence, unless the fix is coarse', () => {
    const there = { ...known(3, 990), speed: undefined, samples: 0 };
    expect(etaSeconds(there, destination, options)).toBe(0);
    expect(etaSeconds({ ...there, accuracy: 1500 }, destination, options)).toBeNull();
    expect(etaSeconds(known(3, 960), destination, options)).toBe(13);
  });

  it('counts down as the courier approaches at constant speed', () => {
    const etas = replay(
      Array.from(
        { length: 6 },
        (_, second) => [second * 10, second, { speed: 10 }] as [number, number, { speed: number }],
      ),
    ).map((state) => etaSeconds(state, destination, options));
    expect(etas).toEqual([null, 99, 98, 97, 96, 95]);
  });
});
