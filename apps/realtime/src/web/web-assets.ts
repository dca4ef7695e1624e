import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The repository root: the first directory above this file holding package.json (src or dist). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the built web app lives: WEB_DIR, else `npm run build`'s dist/apps/web. */
export function webAppDir(configured?: string): string {
  return configured ?? join(projectRoot(), 'dist/apps/web');
}

/**
 * Serves the web app at /. Its hashed assets never change, so they may be cached for long;
 * index.html must be revalidated so a new deployment is picked up on the next load. Every file
 * carries the page's own `csp` (it replaces the services' default): index.html for the page,
 * sw.js for the service worker, which takes its policy from its own script's response.
 */
export function serveWebApp(app: NestFastifyApplication, dir: string, csp: string): void {
  app.useStaticAssets({
    root: dir,
    prefix: '/',
    index: ['index.html'],
    // @fastify/static 10 hands over the Fastify reply here, though Nest's type says a raw response.
    setHeaders: (reply: unknown, path: string) => {
      const immutable = /[/\\]assets[/\\]/.test(path);
      const headers = reply as { header(name: string, value: string): void };
      headers.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      headers.header('content-security-policy', csp);
    },
  });
}
