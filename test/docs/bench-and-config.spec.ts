import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCHES, RUN_SEPARATELY } from '../../bench/lib/bench-list.mjs';
import { filesUnder } from './markdown-files.js';

const readme = readFileSync('README.md', 'utf8');
const benchmarks = readFileSync('docs/benchmarks.md', 'utf8');

/** Environment variables the config schemas read: `NAME: z…`/`NAME: positiveInt(…)` keys of their shapes. */
function schemaVariables(): Map<string, string> {
  const sources = ['libs', 'apps']
    .flatMap((root) => filesUnder(root))
    .filter((file) => /\/src\/.*\.ts$/.test(file) && !file.endsWith('.spec.ts') && !file.startsWith('apps/web/'))
    .filter((file) => /from '(@shopwire\/config|zod)'/.test(readFileSync(file, 'utf8')));
  const found = new Map<string, string>();
  for (const file of sources) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s+([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|HOST):\s/gm)) {
      if (!found.has(match[1])) found.set(match[1], file);
    }
  }
  return found;
}

/** Variables named in the first column of README's "Configuration" table. */
function documentedVariables(): Set<string> {
  const section = /^## Configuration\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]);
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z0-9_]+)`/g)].map((match) => match[1])));
}

describe('npm run bench runs what the docs say', () => {
  it('every bench/*.mjs is run by npm run bench or listed to run by hand', () => {
    const files = readdirSync('bench')
      .filter((name) => name.endsWith('.mjs') && name !== 'run-all.mjs')
      .map((name) => name.replace(/\.mjs$/, ''))
      .sort();
    expect([...BENCHES, ...Object.keys(RUN_SEPARATELY)].sort()).toEqual(files);
  });

  it.each([
    ['README.md', readme],
    ['docs/benchmarks.md', benchmarks],
  ])('%s names every bench npm run bench leaves out', (_file, text) => {
    const unnamed = Object.keys(RUN_SEPARATELY).filter((name) => !text.includes(`\`${name}\``));
    expect(unnamed).toEqual([]);
  });
});

describe('docs/benchmarks.md', () => {
  const sections = benchmarks.split(/^(?=#{2,3} )/m);

  it('gives every number table its date, Node version and command (in its section, above it)', () => {
    const lacking = sections.flatMap((section) => {
      const heading = section.split('\n')[0];
      const lines = section.split('\n');
      return lines
        .map((line, index) => ({ line, index }))
        .filter(({ line, index }) => line.startsWith('|') && !lines[index - 1]?.startsWith('|'))
        .flatMap(({ index }) => {
          const above = lines.slice(0, index).join('\n');
          const missing = [
            /\b20\d\d-\d\d-\d\d\b/.test(above) ? '' : 'date',
            /\bNode\s+v?\d+/.test(above) ? '' : 'Node version',
            /(node bench\/|npm run )/.test(above) ? '' : 'command',
          ].filter(Boolean);
          return missing.length ? [`${heading} (table at line ${index} of the section): no ${missing.join(', ')}`] : [];
        });
    });
    expect(lacking).toEqual([]);
  });

  it('keeps superseded tables under a "History" heading', () => {
    expect(benchmarks).toMatch(/^## History/m);
  });
});

describe("README's configuration table", () => {
  it('lists every variable a config schema reads', () => {
    const documented = documentedVariables();
    const missing = [...schemaVariables()]
      .filter(([name]) => !documented.has(name))
      .map(([name, file]) => `${name} (read by ${file}) is missing from README.md's Configuration table`);
    expect(missing).toEqual([]);
  });

  it('reads the schemas it should (the scan finds known variables)', () => {
    const variables = schemaVariables();
    expect(variables.has('JWT_SECRET') && variables.has('STORE_DATABASE_URL') && variables.has('REALTIME_PORT')).toBe(
      true,
    );
    expect(documentedVariables().has('JWT_SECRET')).toBe(true);
  });
});
