// Writes the courier position traces the ETA spec replays (node make-traces.mjs). They are
// synthesised, not recorded on a device: straight approaches at a known speed with the GPS
// behaviour seen on phones — a few metres of jitter, the reported accuracy, the device's own
// speed on some, stops, multipath jumps and a coarse network fix. Seeded: the output is stable
// (run `npx prettier --write` on this folder afterwards, as lint expects).
import { writeFileSync } from 'node:fs';

const DESTINATION = { lat: 44.8125, lng: 20.4612 };
const METRES_PER_DEG_LAT = 111_195;
const metresPerDegLng = (lat) => METRES_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);

/** Mulberry32: a small deterministic PRNG. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const gaussian = (rand) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

/** The point `metres` from the destination towards `bearing` degrees (flat-earth, fine at city scale). */
function offset(metres, bearing, east = 0, north = 0) {
  const rad = (bearing * Math.PI) / 180;
  const n = metres * Math.cos(rad) + north;
  const e = metres * Math.sin(rad) + east;
  return { lat: DESTINATION.lat + n / METRES_PER_DEG_LAT, lng: DESTINATION.lng + e / metresPerDegLng(DESTINATION.lat) };
}
const round = (x, digits) => Number(x.toFixed(digits));

/**
 * A trace: `segments` of [seconds, speed m/s] driven straight at the destination from `start`
 * metres away (bearing `bearing`), a fix every `every` s with `jitter` m of noise; `speeds` adds
 * the device's own speed; `glitch(i, truth)` may replace fix i with a wrong position.
 */
function trace({ name, note, seed, start, bearing, every, jitter, accuracy, speeds, segments, glitch }) {
  const rand = random(seed);
  const fixes = [];
  let remaining = start;
  let t = 0;
  let i = 0;
  const t0 = 1_796_119_800_000;
  for (const [seconds, speed] of segments) {
    for (let s = 0; s < seconds; s += every, t += every, i++) {
      let fix = offset(remaining, bearing, gaussian(rand) * jitter, gaussian(rand) * jitter);
      let acc = round(accuracy * (0.8 + 0.4 * rand()), 1);
      const override = glitch?.(i, remaining);
      if (override) ({ point: fix, accuracy: acc = acc } = override);
      const deviceSpeed = speeds ? round(Math.max(0, speed + gaussian(rand) * 0.3), 2) : null;
      fixes.push([t0 + t * 1000, round(fix.lat, 7), round(fix.lng, 7), acc, deviceSpeed, round(remaining, 1)]);
      remaining = Math.max(0, remaining - speed * every);
    }
  }
  const body = {
    name,
    note,
    destination: DESTINATION,
    columns: ['at', 'lat', 'lng', 'accuracy', 'speed', 'trueRemainingMetres'],
    fixes,
  };
  writeFileSync(
    new URL(`./${name}.json`, import.meta.url),
    `${JSON.stringify(body, null, 0).replaceAll('],[', '],\n[')}\n`,
  );
}

trace({
  name: 'walking',
  note: 'A courier on foot, 1.3 m/s from 600 m, a fix a second, 4 m jitter, no device speed.',
  seed: 1,
  start: 600,
  bearing: 200,
  every: 1,
  jitter: 4,
  accuracy: 10,
  speeds: false,
  segments: [[240, 1.3]],
});
trace({
  name: 'cycling',
  note: 'A bicycle at 5 m/s from 2.5 km with the device speed, a fix every 2 s, a 30 s red light halfway.',
  seed: 2,
  start: 2500,
  bearing: 80,
  every: 2,
  jitter: 3,
  accuracy: 6,
  speeds: true,
  segments: [
    [240, 5],
    [30, 0],
    [260, 5],
  ],
});
trace({
  name: 'gps-jumps',
  note: 'A car at 10 m/s from 3 km, no device speed, with multipath jumps: onto the destination itself, 2 km sideways, and a two-fix excursion.',
  seed: 3,
  start: 3000,
  bearing: 310,
  every: 1,
  jitter: 4,
  accuracy: 8,
  speeds: false,
  segments: [[120, 10]],
  glitch: (i) =>
    i === 30
      ? { point: offset(5, 0), accuracy: 8 }
      : i === 60
        ? { point: offset(2000, 40), accuracy: 10 }
        : i === 90 || i === 91
          ? { point: offset(1500, 180), accuracy: 12 }
          : undefined,
});
trace({
  name: 'standing-still',
  note: 'A courier waiting 5 km away for 3 minutes: 6 m jitter, accuracy 10–20 m, two 40 m multipath hops.',
  seed: 4,
  start: 5000,
  bearing: 120,
  every: 1,
  jitter: 6,
  accuracy: 15,
  speeds: false,
  segments: [[180, 0]],
  glitch: (i, remaining) =>
    i === 50 || i === 120 ? { point: offset(remaining, 120, 40, 0), accuracy: 15 } : undefined,
});
trace({
  name: 'five-km',
  note: 'A scooter at 8 m/s from 5 km, a fix every 3 s; one coarse network fix (accuracy 1500 m) lands next to the destination.',
  seed: 5,
  start: 5000,
  bearing: 20,
  every: 3,
  jitter: 5,
  accuracy: 8,
  speeds: false,
  segments: [[180, 8]],
  glitch: (i) => (i === 20 ? { point: offset(50, 0), accuracy: 1500 } : undefined),
});
