import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The same reader the ESLint rule uses: one graph, one parser (eslint-rules/lib-graph.js).
import { documentedLibGraph } from '../../eslint-rules/lib-graph.js';

const LIBS = 'libs';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each lib and the other libs its source (tests included) imports through `@shopwire/<lib>`. */
function actualGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const lib of readdirSync(LIBS).sort()) {
    const imported = new Set<string>();
    for (const file of sourceFiles(join(LIBS, lib, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '@shopwire\/([a-z-]+)'/g)) {
        if (match[1] !== lib) imported.add(match[1]);
      }
    }
    graph.set(lib, [...imported].sort());
  }
  return graph;
}

describe('lib dependency direction (docs/architecture.md)', () => {
  it('is exactly the documented graph', () => {
    expect(Object.fromEntries(actualGraph())).toEqual(Object.fromEntries(documentedLibGraph()));
  });

  it('has no cycle', () => {
    const graph = actualGraph();
    const done = new Set<string>();
    const visit = (lib: string, path: string[]): void => {
      if (path.includes(lib)) throw new Error(`cycle: ${[...path, lib].join(' → ')}`);
      if (done.has(lib)) return;
      for (const dep of graph.get(lib) ?? []) visit(dep, [...path, lib]);
      done.add(lib);
    };
    for (const lib of graph.keys()) visit(lib, []);
  });
});
