import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app: Preact + TypeScript, bundled by Vite into dist/apps/web (served by the realtime
 * app at /). JSX is compiled by Vite's own transformer (Oxc) — no Babel plugin. See ADR 0007.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  // public/ holds the service worker (sw.js), copied as-is to the root: its scope must be /.
  publicDir: here('public'),
  resolve: {
    alias: {
      '@shopwire/contracts': here('../../libs/contracts/src/index.ts'),
      '@shopwire/realtime-client': here('../../libs/realtime-client/src/index.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
