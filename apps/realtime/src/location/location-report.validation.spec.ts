import { describe, expect, it } from 'vitest';
import { parseLocationReport, type ReportLimits } from './location-report.validation.js';

const now = 1_780_000_000_000;
const limits: ReportLimits = { maxAgeMs: 30_000, clockSkewMs: 2_000 };
const parse = (value: unknown) => parseLocationReport(value, now, limits);
const valid = { lat: 44.8, lng: 20.4, at: now - 500 };

describe('parseLocationReport', () => {
  it('accepts a minimal report and keeps only known keys', () => {
    expect(parse({ ...valid, extra: 'dropped' })).toEqual(valid);
  });

  it('keeps the optional fields and treats null as absent (Geolocation API style)', () => {
    expect(parse({ ...valid, accuracy: 12, heading: 359.9, speed: 0 })).toEqual({
      ...valid,
      accuracy: 12,
      heading: 359.9,
      speed: 0,
    });
    expect(parse({ ...valid, accuracy: null, heading: null, speed: null })).toEqual(valid);
  });

  it('accepts the edges of the ranges and of the time window', () => {
    expect(parse({ lat: -90, lng: 180, at: now - 30_000 })).toBeDefined();
    expect(parse({ lat: 90, lng: -180, at: now + 2_000 })).toBeDefined();
  });

  it.each<[string, unknown]>([
    ['not an object', 'lat=1'],
    ['null', null],
    ['an array', [44.8, 20.4, now]],
    ['lat missing', { lng: 20.4, at: now }],
    ['lat as a string', { ...valid, lat: '44.8' }],
    ['lat above 90', { ...valid, lat: 90.5 }],
    ['lng below -180', { ...valid, lng: -181 }],
    ['lat NaN', { ...valid, lat: Number.NaN }],
    ['lng Infinity', { ...valid, lng: Number.POSITIVE_INFINITY }],
    ['at missing', { lat: 1, lng: 1 }],
    ['at an ISO string', { ...valid, at: new Date(now).toISOString() }],
    ['at in the future', { ...valid, at: now + 2_001 }],
    ['at older than 30 s', { ...valid, at: now - 30_001 }],
    ['negative accuracy', { ...valid, accuracy: -1 }],
    ['heading of 360', { ...valid, heading: 360 }],
    ['negative speed', { ...valid, speed: -0.1 }],
    ['speed as a string', { ...valid, speed: '3' }],
  ])('refuses %s', (_label, value) => {
    expect(parse(value)).toBeUndefined();
  });
});
