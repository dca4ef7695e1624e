import { describe, expect, it } from 'vitest';
import { tileSource, webAppCsp } from './web-app-csp.js';

const ORIGINS = {
  AUTH_PUBLIC_URL: 'https://auth.example.org',
  OWNER_PUBLIC_URL: 'https://owner.example.org/',
  CUSTOMER_PUBLIC_URL: 'https://customer.example.org:8443/base',
  COURIER_PUBLIC_URL: 'https://courier.example.org',
  WEB_MAP_TILE_URL: '',
};

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the web app policy', () => {
  it('lets the page call exactly the services /config.json names, by origin', () => {
    expect(directive(webAppCsp(ORIGINS), 'connect-src')).toEqual([
      "'self'",
      'https://auth.example.org',
      'https://owner.example.org',
      'https://customer.example.org:8443',
      'https://courier.example.org',
    ]);
  });

  it('runs only its own scripts and styles, and cannot be framed', () => {
    const policy = webAppCsp(ORIGINS);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'script-src-attr')).toEqual(["'none'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toContain('unsafe');
  });

  it('loads images from the tile server only when one is configured', () => {
    expect(directive(webAppCsp(ORIGINS), 'img-src')).toEqual(["'self'", 'data:']);
    const tiled = webAppCsp({ ...ORIGINS, WEB_MAP_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' });
    expect(directive(tiled, 'img-src')).toEqual(["'self'", 'data:', 'https://*.tile.example.org']);
  });
});

describe('the tile source of a Leaflet URL template', () => {
  it.each([
    ['', null],
    ['/tiles/{z}/{x}/{y}.png', null],
    ['https://tiles.example.org/{z}/{x}/{y}{r}.png', 'https://tiles.example.org'],
    ['HTTP://localhost:8080/{z}/{x}/{y}.png', 'http://localhost:8080'],
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.org'],
  ])('%j → %j', (template, source) => {
    expect(tileSource(template)).toBe(source);
  });

  it.each(['tiles.example.org/{z}/{x}/{y}.png', 'ftp://tiles.example.org/{z}.png'])(
    'refuses %j, which is neither an http(s) URL nor a path',
    (template) => {
      expect(() => tileSource(template)).toThrow(/must be an http\(s\) URL template or a path/);
    },
  );

  it.each(['https://tiles.{s}.example.org/{z}.png', 'https://{s}.org/{z}.png'])(
    'refuses %j, whose placeholder no CSP wildcard can express',
    (template) => {
      expect(() => tileSource(template)).toThrow(/may vary its leftmost host label only/);
    },
  );
});
