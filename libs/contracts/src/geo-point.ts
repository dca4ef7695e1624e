/** A WGS 84 position in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Latitude: a finite JSON number in [-90, 90]. */
export function isLatitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -90 && value <= 90;
}

/** Longitude: a finite JSON number in [-180, 180]. */
export function isLongitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -180 && value <= 180;
}

/**
 * `{lat, lng}` with both in range, as an object (extra keys ignored, like everywhere in the
 * contract). Returns the point with only those two keys, or undefined.
 */
export function parseGeoPoint(value: unknown): GeoPoint | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { lat, lng } = value as Record<string, unknown>;
  return isLatitude(lat) && isLongitude(lng) ? { lat, lng } : undefined;
}
