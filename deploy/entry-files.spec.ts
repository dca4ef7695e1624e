// The images run what the build produces: each Dockerfile app stage's CMD is the app's compiled
// entry file, and (when dist/ exists, as in CI after `npm run build`) those files are really there.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPS, entryFile } from './validate/apps.js';
import { parseDockerfile, runCommandOf } from './validate/dockerfile.js';

const stages = parseDockerfile(readFileSync('Dockerfile', 'utf8'));

describe.each(APPS)('app %s', (app) => {
  it('is run by its Dockerfile stage from dist/apps/<app>/src/main.js', () => {
    const stage = stages.find((s) => s.name === app);
    expect(runCommandOf(stages, stage!)).toEqual(['node', '--enable-source-maps', entryFile(app)]);
  });

  it.runIf(existsSync('dist'))('has its entry file in the build output', () => {
    expect(existsSync(entryFile(app))).toBe(true);
  });
});

it.runIf(existsSync('dist'))('builds the per-database migration scripts the Jobs and compose run', () => {
  expect(existsSync('dist/scripts/migrate-auth.js')).toBe(true);
  expect(existsSync('dist/scripts/migrate-store.js')).toBe(true);
});

it('ships the web app in the realtime image (built into dist/, which every image copies)', () => {
  const realtime = stages.find((s) => s.name === 'realtime')!;
  const runtime = stages.find((s) => s.name === 'runtime')!;
  const copies = [...runtime.instructions, ...realtime.instructions]
    .filter((i) => i.keyword === 'COPY')
    .map((i) => i.args);
  expect(copies).toContain('--from=build /app/dist ./dist');
  expect(existsSync('apps/web/index.html')).toBe(true);
});

it.runIf(existsSync('dist'))('builds the web app the realtime app serves', () => {
  expect(existsSync('dist/apps/web/index.html')).toBe(true);
});
