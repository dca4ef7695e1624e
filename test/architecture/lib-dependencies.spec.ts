import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

function documentedGraph(): Map<string, string[]> {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const block = /<!-- lib-graph -->\s*```\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/architecture.md lost its lib-graph block');
  return new Map(
    block[1]
      .trim()
      .split('\n')
      .map((line) => {
        const [lib, deps] = line.split(':');
        return [lib.trim(), deps.trim() ? deps.trim().split(/\s+/).sort() : []];
      }),
  );
}

describe('lib dependency direction (docs/architecture.md)', () => {
  it('is exactly the documented graph', () => {
    expect(Object.fromEntries(actualGraph())).toEqual(Object.fromEntries(documentedGraph()));
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
