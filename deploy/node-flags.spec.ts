// An app runs with the same Node flags in its image as under the scripts (bench, chaos, start-all):
// the realtime memory figures in docs/benchmarks.md are measured with them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPS } from './validate/apps.js';
import { envOf, parseDockerfile } from './validate/dockerfile.js';

const stages = parseDockerfile(readFileSync('Dockerfile', 'utf8'));
const shopwireApp = new URL('../scripts/lib/shopwire-app.mjs', import.meta.url).href;
const { APP_NODE_FLAGS } = (await import(shopwireApp)) as { APP_NODE_FLAGS: Record<string, string[] | undefined> };

describe.each(APPS)('app %s', (app) => {
  it("has the scripts' Node flags as its image's NODE_OPTIONS", () => {
    const stage = stages.find((s) => s.name === app)!;
    const options = envOf(stages, stage).NODE_OPTIONS;
    expect(options?.split(' ') ?? []).toEqual(APP_NODE_FLAGS[app] ?? []);
  });
});

it('caps the realtime young generation', () => {
  expect(APP_NODE_FLAGS.realtime).toContain('--max-semi-space-size=16');
});
