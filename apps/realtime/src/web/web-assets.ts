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

export interface WebAssetDirs {
  page: string;
  client: string;
}

/** Where the page (apps/realtime/web) and the browser build of libs/realtime-client live. */
export function webAssetDirs(clientDir?: string): WebAssetDirs {
  const root = projectRoot();
  return {
    page: join(root, 'apps/realtime/web'),
    client: clientDir ?? join(root, 'dist/libs/realtime-client/src'),
  };
}

/** Serves the page at / and the client library at /lib/realtime-client/. */
export function serveWebAssets(app: NestFastifyApplication, dirs: WebAssetDirs): void {
  app.useStaticAssets({ root: dirs.page, prefix: '/', index: ['index.html'] });
  app.useStaticAssets({ root: dirs.client, prefix: '/lib/realtime-client/', decorateReply: false });
}
