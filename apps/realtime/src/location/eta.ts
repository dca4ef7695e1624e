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

/** What a courier can do, and how much evidence an ETA needs (docs/realtime.md, ADR 0020). */
export interface EtaOptions {
  /** m/s: the slowest a moving courier is assumed to go (walking). */
  minSpeed: number;
  /** m/s: the fastest a courier plausibly goes in a city (a vehicle); faster samples count as this. */
  maxSpeed: number;
  /** m/s: a jump implying more than this (beyond the fixes' accuracy) is a GPS error, not movement. */
  impossibleSpeed: number;
  /** Weight of the newest sample in the exponential moving average, 0 < α ≤ 1. */
  smoothing: number;
  /** m/s: below this a sample means standing still; it leaves the moving speed as it was. */
  minMovingSpeed: number;
  /** Moving samples needed before an ETA is given. */
  minSamples: number;
  /** Metres: position noise assumed when the device reports no (or a better) accuracy. */
  noiseFloorMetres: number;
  /** ms: after this long within the noise of the anchor, the courier stands there: re-anchor. */
  sampleWindowMs: number;
  /** Metres: this close, the courier is arriving (ETA 0) whatever the evidence. */
  arrivedMetres: number;
  /** Metres: a fix reported coarser than this (a network fix) is no evidence of where the courier is. */
  maxAccuracyMetres: number;
}

/** Walking 1 m/s … a vehicle in town 20 m/s (72 km/h); 40 m/s (144 km/h) is no courier. */
export const COURIER_ETA_OPTIONS: EtaOptions = {
  minSpeed: 1,
  maxSpeed: 20,
  impossibleSpeed: 40,
  smoothing: 0.3,
  minMovingSpeed: 0.5,
  minSamples: 2,
  noiseFloorMetres: 15,
  sampleWindowMs: 30_000,
  arrivedMetres: 30,
  maxAccuracyMetres: 100,
};

interface Fix {
  point: GeoPoint;
  /** Measurement time, ms since the epoch. */
  at: number;
  /** Metres, as the device reported it. */
  accuracy?: number;
}

/** A courier's speed evidence: all the ETA needs, no history beyond one anchor. */
export interface SpeedState extends Fix {
  /** Where the displacement for the next derived sample is measured from. */
  anchor: Fix;
  /** Smoothed moving speed, m/s; undefined until a first moving sample. */
  speed?: number;
  /** Moving samples behind `speed`. */
  samples: number;
  /**
   * The last fix refused as a jump, if the one after it has not been accepted yet: a next fix
   * plausible from it (but not from the last accepted one) means the courier really is there.
   */
  refused?: Fix;
}

/**
 * The state after a new fix. A fix not newer than the last, or coarser than `maxAccuracyMetres`,
 * is ignored (a coarse first fix is kept only to say that nothing is known yet). A fix implying more than
 * `impossibleSpeed` from the last accepted one (beyond both fixes' accuracy) is ignored as a GPS
 * jump — unless it is plausible from the fix refused just before: two fixes agree that the
 * courier is there, so the evidence starts again from it (a spike and back is simply dropped). A speed
 * sample is the device's own `speed` when it reports one (ignored above `impossibleSpeed`), else
 * the distance from the anchor over the time since, taken once the courier is clear of twice the
 * noise (jitter alone never makes a sample; after `sampleWindowMs` within the noise the anchor
 * moves to the standing courier). Samples are capped at `maxSpeed`; moving ones are smoothed
 * (EWMA); standing ones (device speed under `minMovingSpeed`) keep the moving speed.
 */
export function nextSpeedState(
  previous: SpeedState | undefined,
  fix: Fix & { speed?: number },
  options: EtaOptions,
): SpeedState {
  const here: Fix = { point: fix.point, at: fix.at, accuracy: fix.accuracy };
  if (!previous || isCoarse(previous, options)) return withSample(fresh(here), fix.speed, options);
  if (fix.at <= previous.at || isCoarse(here, options)) return previous;

  if (isJump(previous, here, options)) {
    const confirmed =
      previous.refused !== undefined && here.at > previous.refused.at && !isJump(previous.refused, here, options);
    return confirmed ? fresh(here) : { ...previous, refused: here };
  }
  const moved: SpeedState = { ...previous, ...here, refused: undefined };
  if (fix.speed !== undefined) return withSample(moved, fix.speed, options);

  const { anchor } = previous;
  const distance = haversineMetres(anchor.point, fix.point);
  const noise = noiseMetres(anchor, here, options);
  const elapsed = (fix.at - anchor.at) / 1000;
  if (distance > 2 * noise) return withSample({ ...moved, anchor: here }, distance / elapsed, options);
  // Standing within the noise for a while: measure from here, so a later start is not averaged
  // with the wait. Never from a fix outside the noise — that may be a multipath hop.
  if (fix.at - anchor.at >= options.sampleWindowMs && distance <= noise) return { ...moved, anchor: here };
  return moved;
}

/**
 * Whole seconds to `destination`, or null ("unknown") while fewer than `minSamples` moving samples
 * back the speed, or while the only fix is coarse — never a guess. The speed used is bounded to [`minSpeed`, `maxSpeed`], so the
 * ETA is never shorter than the distance at a vehicle's speed. 0 within `arrivedMetres`.
 */
export function etaSeconds(state: SpeedState, destination: GeoPoint, options: EtaOptions): number | null {
  if (isCoarse(state, options)) return null;
  const distance = haversineMetres(state.point, destination);
  if (distance <= options.arrivedMetres) return 0;
  if (state.speed === undefined || state.samples < options.minSamples) return null;
  const speed = Math.min(options.maxSpeed, Math.max(options.minSpeed, state.speed));
  return Math.round(distance / speed);
}

function fresh(fix: Fix): SpeedState {
  return { ...fix, anchor: fix, samples: 0 };
}

function isCoarse(fix: Fix, options: EtaOptions): boolean {
  return fix.accuracy !== undefined && fix.accuracy > options.maxAccuracyMetres;
}

function isJump(from: Fix, to: Fix, options: EtaOptions): boolean {
  const beyondNoise = haversineMetres(from.point, to.point) - noiseMetres(from, to, options);
  return beyondNoise / ((to.at - from.at) / 1000) > options.impossibleSpeed;
}

function withSample(state: SpeedState, sample: number | undefined, options: EtaOptions): SpeedState {
  if (sample === undefined || !Number.isFinite(sample) || sample > options.impossibleSpeed) return state;
  if (sample < options.minMovingSpeed) return state;
  const capped = Math.min(sample, options.maxSpeed);
  const speed = state.speed === undefined ? capped : options.smoothing * capped + (1 - options.smoothing) * state.speed;
  return { ...state, speed, samples: state.samples + 1 };
}

/** How far two fixes may lie apart by measurement error alone. */
function noiseMetres(a: Fix, b: Fix, options: EtaOptions): number {
  return Math.max(options.noiseFloorMetres, (a.accuracy ?? 0) + (b.accuracy ?? 0));
}
