import { BASE_CSP, cspHeader, withSources } from '@shopwire/http';

/** What the page is told in /config.json, and so what it may talk to. */
export interface WebAppOrigins {
  AUTH_PUBLIC_URL: string;
  OWNER_PUBLIC_URL: string;
  CUSTOMER_PUBLIC_URL: string;
  COURIER_PUBLIC_URL: string;
  WEB_MAP_TILE_URL: string;
}

/**
 * The web app's policy: its own files only, API calls to exactly the services /config.json names
 * (the Socket.IO endpoint is this origin: `'self'` covers ws/wss to it), and map tiles from the
 * configured tile server only. Nothing inline: Vite emits the script and styles as files.
 */
export function webAppCsp(config: WebAppOrigins): string {
  const services = [
    config.AUTH_PUBLIC_URL,
    config.OWNER_PUBLIC_URL,
    config.CUSTOMER_PUBLIC_URL,
    config.COURIER_PUBLIC_URL,
  ];
  const tiles = tileSource(config.WEB_MAP_TILE_URL);
  return cspHeader(
    withSources(BASE_CSP, {
      'connect-src': services.map((url) => new URL(url).origin),
      'img-src': tiles === null ? [] : [tiles],
    }),
  );
}

/**
 * The CSP source for a Leaflet tile template such as `https://{s}.tile.example.org/{z}/{x}/{y}.png`:
 * its scheme and host, a `{s}` subdomain placeholder becoming `*.`; null when there are no tiles
 * or they come from this origin (a path such as `/tiles/{z}/{x}/{y}.png`).
 */
export function tileSource(template: string): string | null {
  if (template === '' || template.startsWith('/')) return null;
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) throw new Error(`WEB_MAP_TILE_URL must be an http(s) URL template or a path: ${template}`);
  const [, scheme, authority] = match;
  const [first, ...rest] = authority!.split('.');
  // Leaflet substitutes placeholders anywhere; CSP allows a wildcard as the leftmost label only.
  if (rest.some((label) => label.includes('{')) || (first!.includes('{') && rest.length < 2)) {
    throw new Error(`WEB_MAP_TILE_URL may vary its leftmost host label only ({s}.host.tld): ${template}`);
  }
  const host = first!.includes('{') ? ['*', ...rest].join('.') : authority!;
  return `${scheme!.toLowerCase()}://${host}`;
}
