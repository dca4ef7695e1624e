import type { GeoPoint } from '@shopwire/contracts';

const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine on the mean Earth radius). */
export function haversineMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface EtaOptions {
  /** m/s used while the speed is unknown or the courier stands still. */
  defaultSpeed: number;
  /** Weight of the newest sample in the exponential moving average, 0 < α ≤ 1. */
  smoothing: number;
  /** Below this smoothed speed (m/s) the courier counts as standing still. */
  minMovingSpeed: number;
}

/** The last accepted fix of a courier and its smoothed speed: all the ETA needs, no history. */
export interface SpeedState {
  point: GeoPoint;
  /** Measurement time, ms since the epoch. */
  at: number;
  /** Smoothed m/s; undefined until a first sample exists. */
  speed?: number;
}

/**
 * The state after a new fix. A sample is the device's own `speed` when it reports one, else the
 * distance from the previous fix over the time between them; a fix not newer than the previous
 * one gives no sample. Samples are smoothed with an exponential moving average.
 */
export function nextSpeedState(
  previous: SpeedState | undefined,
  fix: { point: GeoPoint; at: number; speed?: number },
  options: EtaOptions,
): SpeedState {
  let sample = fix.speed;
  if (sample === undefined && previous && fix.at > previous.at) {
    sample = haversineMetres(previous.point, fix.point) / ((fix.at - previous.at) / 1000);
  }
  if (sample === undefined || !Number.isFinite(sample)) return { point: fix.point, at: fix.at, speed: previous?.speed };
  const speed =
    previous?.speed === undefined ? sample : options.smoothing * sample + (1 - options.smoothing) * previous.speed;
  return { point: fix.point, at: fix.at, speed };
}

/** Whole seconds to `destination` at the smoothed speed (the default while unknown or standing). Never negative. */
export function etaSeconds(state: SpeedState, destination: GeoPoint, options: EtaOptions): number {
  const speed = state.speed === undefined || state.speed < options.minMovingSpeed ? options.defaultSpeed : state.speed;
  const seconds = Math.round(haversineMetres(state.point, destination) / speed);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
