import { describe, expect, it } from 'vitest';
import { etaSeconds, haversineMetres, nextSpeedState, type EtaOptions } from './eta.js';

const options: EtaOptions = { defaultSpeed: 5, smoothing: 0.5, minMovingSpeed: 0.5 };
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

describe('nextSpeedState', () => {
  const origin = { lat: 0, lng: 0 };
  const tenMetresNorth = { lat: 10 / DEGREE_M, lng: 0 };

  it('has no speed after a first fix without a device speed', () => {
    expect(nextSpeedState(undefined, { point: origin, at: 1000 }, options).speed).toBeUndefined();
  });

  it('derives a speed from two fixes and smooths the next ones', () => {
    const first = nextSpeedState(undefined, { point: origin, at: 0 }, options);
    const second = nextSpeedState(first, { point: tenMetresNorth, at: 1000 }, options);
    expect(second.speed).toBeCloseTo(10, 6);
    const third = nextSpeedState(second, { point: tenMetresNorth, at: 2000 }, options);
    expect(third.speed).toBeCloseTo(5, 6); // 0.5 × 0 m/s + 0.5 × 10 m/s
  });

  it("prefers the device's own speed and ignores a fix that is not newer", () => {
    const first = nextSpeedState(undefined, { point: origin, at: 5000 }, options);
    expect(nextSpeedState(first, { point: tenMetresNorth, at: 6000, speed: 2 }, options).speed).toBe(2);
    const stale = nextSpeedState(first, { point: tenMetresNorth, at: 5000 }, options);
    expect(stale.speed).toBeUndefined();
    expect(stale.point).toEqual(tenMetresNorth);
  });
});

describe('etaSeconds', () => {
  const destination = { lat: 1000 / DEGREE_M, lng: 0 }; // 1 km north of the origin

  it('uses the default speed while the speed is unknown', () => {
    expect(etaSeconds({ point: { lat: 0, lng: 0 }, at: 0 }, destination, options)).toBe(200);
  });

  it('uses the smoothed speed while moving and the default while standing still', () => {
    expect(etaSeconds({ point: { lat: 0, lng: 0 }, at: 0, speed: 10 }, destination, options)).toBe(100);
    expect(etaSeconds({ point: { lat: 0, lng: 0 }, at: 0, speed: 0.1 }, destination, options)).toBe(200);
  });

  it('is 0 at the destination and never negative', () => {
    expect(etaSeconds({ point: destination, at: 0, speed: 3 }, destination, options)).toBe(0);
    for (const speed of [0, 1e-12, 1e300, undefined]) {
      expect(etaSeconds({ point: { lat: -89, lng: 179 }, at: 0, speed }, destination, options)).toBeGreaterThanOrEqual(
        0,
      );
    }
  });

  it('counts down as the courier approaches at constant speed', () => {
    let state = nextSpeedState(undefined, { point: { lat: 0, lng: 0 }, at: 0 }, options);
    const etas: number[] = [];
    for (let second = 1; second <= 5; second++) {
      state = nextSpeedState(state, { point: { lat: (second * 10) / DEGREE_M, lng: 0 }, at: second * 1000 }, options);
      etas.push(etaSeconds(state, destination, options));
    }
    expect(etas).toEqual([99, 98, 97, 96, 95]);
  });
});
