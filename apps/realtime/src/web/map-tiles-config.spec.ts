import { loadConfig } from '@shopwire/config';
import { describe, expect, it } from 'vitest';
import { OSM_ATTRIBUTION, OSM_TILE_URL, realtimeConfigSchema } from '../realtime.config.js';
import { WebConfigController } from './web-config.controller.js';

const webConfig = (env: Record<string, string>) =>
  new WebConfigController(loadConfig(realtimeConfigSchema, env)).webConfig();

describe('the web app’s map tiles (WEB_MAP_TILE_URL)', () => {
  it('are OpenStreetMap’s, with its attribution, by default', () => {
    expect(webConfig({})).toMatchObject({ mapTileUrl: OSM_TILE_URL, mapAttribution: OSM_ATTRIBUTION });
    expect(OSM_TILE_URL).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  });

  it('point at a self-hosted tile server when configured', () => {
    expect(
      webConfig({ WEB_MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', WEB_MAP_ATTRIBUTION: '© Example' }),
    ).toMatchObject({ mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png', mapAttribution: '© Example' });
  });

  it('are off (nothing fetched, no attribution) when empty or "off"', () => {
    for (const off of ['', ' ', 'off', 'OFF']) {
      expect(webConfig({ WEB_MAP_TILE_URL: off })).toMatchObject({ mapTileUrl: null, mapAttribution: '' });
    }
  });
});
