import type { DeliveryAddress, GeoPoint } from '@shopwire/contracts';

/** Where an order goes, as far as the customer said: an address, a point, or both. */
export interface Destination {
  address: DeliveryAddress | null;
  point: GeoPoint | null;
}

/** Which maps app a link can open: Android's `geo:` handler, Apple Maps, or a web map. */
export type MapsPlatform = 'android' | 'apple' | 'web';

export function mapsPlatform(userAgent: string): MapsPlatform {
  if (/Android/i.test(userAgent)) return 'android';
  if (/iPhone|iPad|iPod|Macintosh/i.test(userAgent)) return 'apple';
  return 'web';
}

const coordinates = (point: GeoPoint) => `${point.lat.toFixed(6)},${point.lng.toFixed(6)}`;

/**
 * A "Navigate" link to the destination that opens the device's maps app: a `geo:` URI on
 * Android (RFC 5870, with Android's `q=` search/label extension), Apple Maps' URL on Apple
 * devices (it opens the Maps app), and OpenStreetMap in any other browser. The point wins over
 * the address when there is one (it is exact); the address is the label or, alone, the search.
 * Null when there is nothing to navigate to.
 */
export function navigationUrl({ address, point }: Destination, platform: MapsPlatform): string | null {
  const street = address?.street.trim() || null;
  if (!point && !street) return null;
  const query = encodeURIComponent(street ?? '');
  switch (platform) {
    case 'android':
      return point
        ? `geo:${coordinates(point)}?q=${coordinates(point)}${street ? `(${query})` : ''}`
        : `geo:0,0?q=${query}`;
    case 'apple':
      return point ? `https://maps.apple.com/?daddr=${coordinates(point)}` : `https://maps.apple.com/?daddr=${query}`;
    case 'web':
      return point
        ? `https://www.openstreetmap.org/directions?to=${coordinates(point)}#map=17/${point.lat.toFixed(5)}/${point.lng.toFixed(5)}`
        : `https://www.openstreetmap.org/search?query=${query}`;
  }
}

/** What a person reads about the destination (never bare coordinates). */
export function destinationSummary({ address, point }: Destination): string {
  if (address) return address.details ? `${address.street}, ${address.details}` : address.street;
  return point ? 'Pinned point on the map' : 'No delivery address given';
}
