// One supported Node line, the same everywhere: .nvmrc names the exact version; the Dockerfile's
// bases, package.json `engines` and CI (through scripts/use-node.sh) must agree with it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
const [major, minor, patch] = nvmrc.split('.').map(Number);

describe('the supported Node version', () => {
  it('is an exact version in .nvmrc', () => {
    expect(nvmrc).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is what every Dockerfile node base pins', () => {
    const bases = [...readFileSync('Dockerfile', 'utf8').matchAll(/^FROM\s+node:(\S+)/gm)].map((m) => m[1]);
    expect(bases.length).toBeGreaterThan(0);
    expect(new Set(bases)).toEqual(new Set([`${nvmrc}-bookworm-slim`]));
  });

  it('is inside package.json engines, which admit no other major line', () => {
    const engines = JSON.parse(readFileSync('package.json', 'utf8')).engines.node as string;
    const match = /^>=(\d+)\.(\d+)\.(\d+) <(\d+)$/.exec(engines);
    expect(match, `engines.node "${engines}" should read ">=A.B.C <D"`).not.toBeNull();
    const [low, high] = [match!.slice(1, 4).map(Number), Number(match![4])];
    expect(Number(low[0])).toBe(major);
    expect(high).toBe(major + 1);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(low[0] * 1e6 + low[1] * 1e3 + low[2]);
  });

  it('is what CI runs on (scripts/use-node.sh reads .nvmrc)', () => {
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^\. scripts\/use-node\.sh$/m);
    expect(readFileSync('scripts/use-node.sh', 'utf8')).toContain('.nvmrc');
  });
});
