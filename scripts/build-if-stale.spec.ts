import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReason } from './build-if-stale.mjs';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A tiny repository: `files` (path → seconds since epoch of its mtime). */
function repository(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
  roots.push(root);
  for (const [path, seconds] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), seconds, seconds);
  }
  return root;
}

const BUILT = {
  'dist/apps/auth/src/main.js': 2000,
  'dist/apps/realtime/src/main.js': 2000,
  'dist/apps/web/index.html': 2000,
};

describe('npm test builds when dist is missing or stale', () => {
  it('builds when an output is missing', () => {
    expect(staleReason(repository({ 'apps/auth/src/main.ts': 1000 }))).toMatch(
      /dist\/apps\/auth\/src\/main\.js is missing/,
    );
  });

  it('builds when a source changed after the build, and names it', () => {
    const root = repository({ ...BUILT, 'libs/ordering/src/order.ts': 3000 });
    expect(staleReason(root)).toBe(`${join(root, 'libs/ordering/src/order.ts')} changed after the last build`);
  });

  it('does not build for a newer test, test helper or web stylesheet older than the build', () => {
    const root = repository({
      ...BUILT,
      'apps/auth/src/main.ts': 1000,
      'apps/web/src/styles.css': 1500,
      'apps/auth/src/login.e2e.spec.ts': 3000,
      'libs/testing/src/ports.ts': 3000,
      'apps/realtime/test/factory.ts': 3000,
    });
    expect(staleReason(root)).toBeNull();
  });
});
