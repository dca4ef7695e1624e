import { describe, expect, it } from 'vitest';
import { destinationSummary, mapsPlatform, navigationUrl } from './navigation';

const address = { street: 'Knez Mihailova 12', details: '3rd floor, door 7', phone: null, note: null };
const point = { lat: 44.8176, lng: 20.4569 };

describe('navigationUrl: a link that opens the device’s maps app', () => {
  it('gives Android a geo: URI at the point, labelled with the street', () => {
    expect(navigationUrl({ address, point }, 'android')).toBe(
      'geo:44.817600,20.456900?q=44.817600,20.456900(Knez%20Mihailova%2012)',
    );
    expect(navigationUrl({ address: null, point }, 'android')).toBe('geo:44.817600,20.456900?q=44.817600,20.456900');
  });

  it('searches for the street when there is no point', () => {
    expect(navigationUrl({ address, point: null }, 'android')).toBe('geo:0,0?q=Knez%20Mihailova%2012');
    expect(navigationUrl({ address, point: null }, 'apple')).toBe(
      'https://maps.apple.com/?daddr=Knez%20Mihailova%2012',
    );
    expect(navigationUrl({ address, point: null }, 'web')).toBe(
      'https://www.openstreetmap.org/search?query=Knez%20Mihailova%2012',
    );
  });

  it('routes Apple devices to Apple Maps and other browsers to OpenStreetMap', () => {
    expect(navigationUrl({ address, point }, 'apple')).toBe('https://maps.apple.com/?daddr=44.817600,20.456900');
    expect(navigationUrl({ address: null, point }, 'web')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/directions\?to=44\.817600,20\.456900#map=17\//,
    );
  });

  it('has no link without a destination', () => {
    expect(navigationUrl({ address: null, point: null }, 'web')).toBeNull();
  });

  it('recognises the platform from the user agent', () => {
    expect(mapsPlatform('Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/131')).toBe('android');
    expect(mapsPlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)')).toBe('apple');
    expect(mapsPlatform('Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131')).toBe('web');
  });
});

describe('destinationSummary: never bare coordinates', () => {
  it('reads the address, or says a point was pinned', () => {
    expect(destinationSummary({ address, point })).toBe('Knez Mihailova 12, 3rd floor, door 7');
    expect(destinationSummary({ address: { ...address, details: null }, point: null })).toBe('Knez Mihailova 12');
    expect(destinationSummary({ address: null, point })).toBe('Pinned point on the map');
  });
});
